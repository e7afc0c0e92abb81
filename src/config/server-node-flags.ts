/**
 * The Node options the API server runs with (`npm start`, the Dockerfile, the benchmark's API and its driver-side
 * process). A young generation of 32 MiB semi-spaces instead of V8's 16: every query allocates its records, read
 * models and response afresh, and with the larger nursery most of it dies before a scavenge has to copy it. Measured
 * with the benchmark's connections queries at 32 clients: garbage collection 0.87-1.10 ms per request with the
 * default, 0.71 with 32 MiB (0.65 with 64), for at most 32 MiB more memory. `labour-graph serve` started without it
 * works the same, with more time in the garbage collector.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=32"];
