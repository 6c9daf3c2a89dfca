// Runs in the browser before the app's code: zod must not probe `new Function` (it would, once, for its fast
// parsers), because the page's CSP forbids eval and Chromium reports even the caught attempt as a violation.
import { z } from 'zod';

z.config({ jitless: true });
