/** The plug-in interface of document formats. */

/** Plain text and, when the format carries one, a title. */
export interface LoadedText {
  text: string;
  title?: string;
}

/** A document format: `test` picks it by path, `load` turns the decoded body into plain text. */
export interface DocumentLoader {
  name: string;
  test(path: string): boolean;
  load(body: string): LoadedText;
}
