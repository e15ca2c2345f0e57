/**
 * Child processes of the bench: servers pinned to one core, load generators to another, and
 * their peak memory read from the kernel (VmHWM), so the figures are the server's own.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

export const DIST = path.resolve(__dirname, '..');

/** Cores for the server and for the load generator, when `taskset` and two cores are there. */
export const PINNING: { server: number; client: number } | null = (() => {
  if (os.cpus().length < 2) return null;
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return { server: 0, client: 1 };
  } catch {
    return null;
  }
})();

/** Runs node on `script` (under dist/), pinned to `core` when pinning is available. */
function spawnNode(script: string, args: string[], options: { core?: number; env?: NodeJS.ProcessEnv; nodeOptions?: string[]; stdout?: 'pipe' | 'inherit' }): ChildProcess {
  const node = [...(options.nodeOptions ?? []), path.join(DIST, script), ...args];
  const stdio: ('ignore' | 'pipe' | 'inherit' | 'ipc')[] = ['ignore', options.stdout ?? 'inherit', 'inherit', 'ipc'];
  const env = { ...process.env, ...options.env };
  // taskset execs node in place, so the child's pid (and its /proc entry) is node's own.
  return PINNING && options.core !== undefined
    ? spawn('taskset', ['-c', String(options.core), process.execPath, ...node], { stdio, env })
    : spawn(process.execPath, node, { stdio, env });
}

export interface Service {
  url: string;
  pid: number;
  /** Sends `message` over IPC and waits for the reply. */
  ask<T>(message: string): Promise<T>;
  /** Peak resident memory since the process started, in MB (VmHWM from /proc). */
  peakRssMb(): number;
  /** Why it stopped, if it has (e.g. "signal SIGABRT" after running out of heap). */
  exited(): string | null;
  stop(): Promise<void>;
}

/** Starts a server child that sends {url} over IPC once it listens. */
export function startService(script: string, args: string[], options: { core?: number; env?: NodeJS.ProcessEnv; nodeOptions?: string[] } = {}): Promise<Service> {
  const child = spawnNode(script, args, options);
  let exit: string | null = null;
  const done = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = signal ? `signal ${signal}` : `exit code ${code}`;
      resolve();
    }),
  );
  return new Promise((resolve, reject) => {
    child.once('exit', () => reject(new Error(`${script} stopped before listening (${exit})`)));
    child.once('message', (message: { url: string }) =>
      resolve({
        url: message.url,
        pid: child.pid!,
        ask: <T>(question: string) =>
          new Promise<T>((answer, fail) => {
            if (exit) return fail(new Error(`${script} has stopped (${exit})`));
            child.once('message', (reply) => answer(reply as T));
            child.send(question);
          }),
        peakRssMb() {
          const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
          return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
        },
        exited: () => exit,
        async stop() {
          if (exit) return;
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await done;
          clearTimeout(timer);
        },
      }),
    );
  });
}

/** Runs a script to completion and returns what it printed on stdout, parsed as JSON. */
export function runScript<T>(script: string, args: string[], options: { core?: number } = {}): Promise<T> {
  const child = spawnNode(script, args, { ...options, stdout: 'pipe' });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`${script} failed with exit code ${code}`)))),
  );
}

/** Starts a script that runs until SIGTERM, then prints its JSON summary. */
export function startBackground<T>(script: string, args: string[], options: { core?: number } = {}): { stop(): Promise<T> } {
  const child = spawnNode(script, args, { ...options, stdout: 'pipe' });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  const done = new Promise<T>((resolve, reject) => child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`${script} failed with exit code ${code}`)))));
  return {
    stop() {
      child.kill('SIGTERM');
      return done;
    },
  };
}

export interface Timed {
  ms: number;
  status: number;
  body: string;
}

/**
 * POSTs JSON and times it until the last byte of the answer. node:http rather than fetch:
 * fetch gives up on headers after 300 s, and a 100,000-milestone dashboard may take longer.
 */
export function post(url: string, payload: unknown, token?: string, timeoutMs?: number): Promise<Timed> {
  const body = JSON.stringify(payload);
  const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
  if (token) headers.authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(url, { method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (timeoutMs !== undefined) {
      const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s (--max-request-s)`)), timeoutMs);
      req.on('close', () => clearTimeout(timer));
    }
    req.end(body);
  });
}
