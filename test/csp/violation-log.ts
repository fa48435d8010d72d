/**
 * Imported first by the strict page: every Content-Security-Policy and Trusted Types
 * violation from then on, and every uncaught error (a refused policy or script shows
 * as one).
 */
export interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  where: string;
}

export const violations: Violation[] = [];
export const errors: string[] = [];

// Capture on the document: a violation is fired at the element concerned (through shadow
// roots, composed) or, for one without an element, at the document itself.
document.addEventListener(
  'securitypolicyviolation',
  (event) => {
    violations.push({
      directive: event.effectiveDirective,
      blocked: event.blockedURI,
      sample: event.sample,
      where: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
    });
  },
  true,
);
window.addEventListener('error', (event) => errors.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));
