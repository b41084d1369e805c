/**
 * Runs the browser tests (Playwright) in a local Chromium. Looks for one in
 * CHROMIUM_PATH, /usr/bin/chromium, then Playwright's own; without any, the
 * tests are reported as skipped — or fail when REQUIRE_BROWSER=1 (CI).
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

async function findChromium(): Promise<string | null> {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	for (const c of candidates) if (c && existsSync(c)) return c;
	try {
		const { chromium } = await import('@playwright/test');
		const own = chromium.executablePath();
		if (own && existsSync(own)) return own;
	} catch {
		// Playwright's own browser is not installed: fine.
	}
	return null;
}

const chromium = await findChromium();
if (!chromium) {
	const message =
		'Tests navigateur : aucun Chromium trouvé.\n' +
		'  Installez-le (Debian/Ubuntu : sudo apt-get install -y chromium) ou indiquez son chemin dans CHROMIUM_PATH.';
	if (process.env.REQUIRE_BROWSER === '1') {
		console.error(`${message}\n  REQUIRE_BROWSER=1 : échec.`);
		process.exit(1);
	}
	console.log(`${message}\n  Tests navigateur ignorés (skipped).`);
	process.exit(0);
}

const result = spawnSync('npx', ['playwright', 'test', '--config', 'tests/playwright.config.ts', ...process.argv.slice(2)], {
	stdio: 'inherit',
	env: { ...process.env, CHROMIUM_PATH: chromium, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }
});
process.exit(result.status ?? 1);
