/** Errors as a visible banner with a Retry button, never a blank page. */
import { describeError } from "./api-client.js";
import { byId } from "./dom.js";

let retry: (() => void) | undefined;

/** Shows a message; with `onRetry`, a Retry button. */
export function showBanner(message: string, onRetry?: () => void): void {
  byId("banner-text").textContent = message;
  byId("banner").hidden = false;
  retry = onRetry;
  byId("banner-retry").hidden = onRetry === undefined;
}

/** Hides the banner. */
export function hideBanner(): void {
  byId("banner").hidden = true;
  retry = undefined;
}

/** Wires the banner's buttons. */
export function attachBanner(): void {
  byId("banner-close").addEventListener("click", hideBanner);
  byId("banner-retry").addEventListener("click", () => retry?.());
}

/** Runs an action; a failure is shown in the banner with a Retry button and gives undefined. */
export async function guarded<T>(action: () => Promise<T>): Promise<T | undefined> {
  try {
    const result = await action();
    hideBanner();
    return result;
  } catch (error) {
    showBanner(describeError(error), () => void guarded(action));
    return undefined;
  }
}
