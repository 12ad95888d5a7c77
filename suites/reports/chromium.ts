/**
 * Debian's headless Chromium, for the test that opens index.html: a fresh profile per call, the
 * flags a machine with a closed network needs, and a hard time limit (the whole process group is
 * killed when it passes, so no renderer outlives the test).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_MISSING = `${CHROMIUM} is missing, so index.html was not opened in a browser: install Chromium with \`apt-get install -y chromium\` (Debian) to run this test`;

export function chromiumAvailable(): boolean {
  try {
    fs.accessSync(CHROMIUM, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"];

export interface ChromiumOutput {
  stdout: string;
  stderr: string;
}

/** Run Chromium with `args` (e.g. ["--dump-dom", url]); rejects with its stderr when it fails or overruns `timeoutMs`. */
export async function runChromium(args: string[], timeoutMs: number): Promise<ChromiumOutput> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "graph-calls-contract-chromium-"));
  try {
    return await new Promise<ChromiumOutput>((resolve, reject) => {
      const child = spawn(CHROMIUM, [...FLAGS, `--user-data-dir=${profile}`, ...args], { detached: true, stdio: ["ignore", "pipe", "pipe"] });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
      const timer = setTimeout(() => {
        try { process.kill(-child.pid!, "SIGKILL"); } catch { /* already gone */ }
        reject(new Error(`chromium ${args.join(" ")} did not finish within ${timeoutMs} ms; stderr: ${Buffer.concat(stderr).toString().slice(-2000)}`));
      }, timeoutMs);
      child.on("error", (error) => { clearTimeout(timer); reject(new Error(`cannot start ${CHROMIUM}: ${error.message}`)); });
      child.on("close", (code) => {
        clearTimeout(timer);
        const out = { stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString() };
        if (code === 0) resolve(out);
        else reject(new Error(`chromium ${args.join(" ")} exited ${code}; stderr: ${out.stderr.slice(-2000)}`));
      });
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
