import type { Browser } from 'playwright-core';

/** The browser binary: `CHROMIUM_PATH` when set, else Debian's. */
export declare const CHROMIUM: string;
/** The flags of every headless run. */
export declare const CHROMIUM_FLAGS: readonly string[];
/** Launch headless Chromium through playwright-core. */
export declare function launch(): Promise<Browser>;
