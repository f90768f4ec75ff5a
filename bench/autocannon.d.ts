// The few parts of autocannon 8's API the HTTP benchmark uses (the package ships no types).
declare module 'autocannon' {
  interface Histogram {
    average: number;
    p50: number;
    p99: number;
  }

  export interface Result {
    requests: Histogram & { total: number };
    latency: Histogram;
    non2xx: number;
    errors: number;
    timeouts: number;
    duration: number;
  }

  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    headers?: Record<string, string>;
    /** Each request in turn; `setupRequest` may change the path of each one. */
    requests?: { setupRequest?: (request: { path: string }) => { path: string } }[];
  }

  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
