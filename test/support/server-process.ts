/** Real Cairn processes (`node dist/src/main.js`) for tests that need more than the in-process server. */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
export const MAIN = path.join(ROOT, 'dist/src/main.js');
const USER_CLI = path.join(ROOT, 'dist/src/cli/user.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A running `node dist/src/main.js`, with what it printed. */
export class ServerProcess {
  output = '';
  url = '';
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(readonly child: ChildProcess) {
    child.stdout!.on('data', (chunk) => (this.output += String(chunk)));
    child.stderr!.on('data', (chunk) => (this.output += String(chunk)));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts one with `env` added to this process's environment (the database, CAIRN_TODAY…). */
  static async start(env: Record<string, string>): Promise<ServerProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServerProcess(child);
    await server.waitForReady(30_000);
    return server;
  }

  private waitForReady(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error(`the server did not say "serving GraphQL" within ${timeoutMs} ms; output:\n${this.output}`)), timeoutMs);
      const check = () => {
        const match = /serving GraphQL at (\S+)/.exec(this.output);
        if (!match) return;
        this.url = match[1];
        done();
        resolve();
      };
      const fail = (error: Error) => {
        done();
        reject(error);
      };
      const onExit = () => fail(new Error(`the server exited before serving; output:\n${this.output}`));
      const done = () => {
        clearTimeout(timer);
        this.child.stdout!.off('data', check);
        this.child.off('exit', onExit);
      };
      this.child.stdout!.on('data', check);
      this.child.once('exit', onExit);
      check();
    });
  }

  /** Kills the process with `signal` and waits (bounded) until it is gone. */
  async stop(signal: NodeJS.Signals, timeoutMs = 15_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.running) this.child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        this.child.kill('SIGKILL');
        reject(new Error(`the server did not exit within ${timeoutMs} ms of ${signal}`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * Runs `node <script>` (relative to the repository, e.g. dist/src/main.js) with `env` added, until
 * it exits; one still running after `timeoutMs` is killed and reported with its signal.
 */
export function runToExit(script: string, args: string[], env: Record<string, string>, timeoutMs = 30_000): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [path.join(ROOT, script), ...args], { cwd: ROOT, env: { ...process.env, ...env }, timeout: timeoutMs }, (_error, stdout, stderr) => {
      resolve({ code: child.exitCode, signal: child.signalCode, output: `${stdout}${stderr}` });
    });
  });
}

/** An admin token from `npm run dev-token`'s command, on the database `env` names. */
export function devToken(env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [USER_CLI, 'dev-token'], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`dev-token failed: ${error.message}\n${stderr}`));
      const lines = stdout.trim().split('\n');
      resolve(lines[lines.length - 1].trim());
    });
  });
}

