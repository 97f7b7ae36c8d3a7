// WebKitGTK through its WebDriver (run inside xvfb by scripts/test-browser.mjs).
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { baseConfig } from './web-test-runner.config.js';

export const miniBrowser = process.env.WEBKIT_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

export default {
  ...baseConfig,
  concurrency: 1,
  browsers: [
    webdriverLauncher({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      port: 4444,
      path: '/',
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] },
      },
    }),
  ],
};
