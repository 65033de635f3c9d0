// A child process the tests talk to by lines: the screen fixture now, the kiosk daemon later.
// Every wait has a timeout, and the process is killed when the test ends.
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

// The path of the first file in `folder` whose name matches `pattern` (a badge a process
// printed); rejects after `timeout` ms.
export async function waitForFile(folder, pattern, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const found = (await readdir(folder).catch(() => [])).find((f) => pattern.test(f));
    if (found) return join(folder, found);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no file matching ${pattern} in ${folder} within ${timeout} ms`);
}

export class LineProcess {
  // command: path of the program; args: its arguments; name: used in error messages.
  constructor(command, args = [], { name = command, env = process.env, echoStderr = false } = {}) {
    this.name = name;
    this.lines = [];
    this.stderr = [];
    this.waiters = [];
    this.exited = new Promise((resolve) => {
      this.child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
      this.child.on('exit', (code, signal) => resolve({ code, signal }));
      this.child.on('error', (error) => resolve({ code: null, signal: null, error }));
    });
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      this.lines.push(line);
      this.#wake();
    });
    createInterface({ input: this.child.stderr }).on('line', (line) => {
      this.stderr.push(line);
      if (echoStderr) console.error(`[${this.name}] ${line}`);
    });
  }

  #wake() {
    for (const waiter of [...this.waiters]) waiter();
  }

  // The first line at or after `from` (an index into this.lines) that matches `pattern`, as the
  // match array; rejects after `timeout` ms.
  waitForLine(pattern, { from = 0, timeout = 10_000 } = {}) {
    return new Promise((resolve, reject) => {
      const check = () => {
        for (let i = from; i < this.lines.length; i++) {
          const match = this.lines[i].match(pattern);
          if (match) {
            finish();
            resolve(Object.assign(match, { index: i }));
            return true;
          }
        }
        return false;
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`${this.name}: no line matching ${pattern} within ${timeout} ms; ` +
                         `stdout: ${JSON.stringify(this.lines.slice(-10))}, ` +
                         `stderr: ${JSON.stringify(this.stderr.slice(-10))}`));
      }, timeout);
      const finish = () => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
      };
      if (!check()) this.waiters.push(check);
    });
  }

  write(line) {
    this.child.stdin.write(line.endsWith('\n') ? line : line + '\n');
  }

  // Closes stdin (the fixture's "stop") and waits; kills if it does not end in time.
  async stop({ timeout = 5_000 } = {}) {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.exited;
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeout);
    const result = await this.exited;
    clearTimeout(timer);
    return result;
  }

  kill(signal = 'SIGKILL') {
    this.child.kill(signal);
    return this.exited;
  }
}
