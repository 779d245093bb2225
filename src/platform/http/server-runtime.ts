/**
 * Node.js flags for a process that serves HTTP (ADR 17). V8's young generation grows to 16 MB semi-spaces
 * under load; at 500 requests/s on two cores each scavenge then paused the server 15–40 ms, about twice a
 * second, and every request due in that window waited (by-id p99 45–60 ms, p95 15–35 ms). With 4 MB
 * semi-spaces the scavenges come four times as often and take 1–5 ms; the GC's share of CPU is the same
 * (bench:core: 646 ms against 672 ms of GC per 10 s).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
