/** The part of autocannon 8's programmatic API the bench uses (the package ships no types). */
declare module 'autocannon' {
  interface Options {
    url: string;
    method?: string;
    connections?: number;
    duration?: number;
    overallRate?: number;
    headers?: Record<string, string>;
    body?: string;
    requests?: { setupRequest?: (request: Record<string, unknown>) => Record<string, unknown> }[];
  }
  interface Stats { average: number; total: number; p50: number; p99: number }
  interface Result { requests: Stats; latency: Stats; errors: number; timeouts: number; non2xx: number }
  function autocannon(options: Options): Promise<Result>;
  export = autocannon;
}
