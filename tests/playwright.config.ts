import { defineConfig } from '@playwright/test';

/** Browser tests run in Debian's Chromium (no browser download), against the built app. */
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const PORT = 4173;

export default defineConfig({
	testDir: './e2e',
	outputDir: './output/playwright',
	timeout: 90_000,
	expect: { timeout: 20_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		viewport: { width: 1440, height: 900 },
		locale: 'fr-FR',
		timezoneId: 'Pacific/Noumea',
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		command: `npm run build && npx vite preview --config scripts/vite.config.ts --port ${PORT} --strictPort --host 127.0.0.1`,
		url: `http://127.0.0.1:${PORT}`,
		timeout: 300_000,
		cwd: '..',
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
