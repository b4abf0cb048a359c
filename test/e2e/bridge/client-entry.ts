/** The IIFE entry of the page-side bridge: defines `window.wharf` as soon as the script runs. */
import { installWharfBridge, type PageGlobals } from './client';

installWharfBridge(globalThis as unknown as PageGlobals);
