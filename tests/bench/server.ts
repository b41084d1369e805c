/** Serves the built app with `vite preview` and opens Chromium, for the benchmark. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

export const PORT = 4174;
export const BASE = `http://127.0.0.1:${PORT}`;

/** Starts the preview server and resolves when it answers. */
export async function startPreview(): Promise<ChildProcess> {
	const server = spawn('npx', ['vite', 'preview', '--config', 'scripts/vite.config.ts', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], {
		stdio: 'ignore',
		detached: true
	});
	let exited = false;
	server.on('exit', () => (exited = true));
	for (let i = 0; i < 120; i++) {
		if (exited) throw new Error(`Le serveur de prévisualisation n’a pas démarré (port ${PORT} déjà pris ?).`);
		try {
			if ((await fetch(BASE)).ok) return server;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error('Le serveur de prévisualisation ne répond pas.');
}

/** Stops the preview server and its children. */
export function stopPreview(server: ChildProcess): void {
	try {
		if (server.pid) process.kill(-server.pid, 'SIGTERM');
	} catch {
		// already stopped
	}
}

/** Headless Chromium (Debian's, or CHROMIUM_PATH). */
export async function launchChromium(): Promise<Browser> {
	const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
	if (!existsSync(executablePath)) throw new Error(`Chromium introuvable (${executablePath}) : apt-get install -y chromium, ou CHROMIUM_PATH.`);
	return chromium.launch({
		executablePath,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
}
