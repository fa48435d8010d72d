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
/**
 * Violations a test made on purpose, on an element marked `data-sentinel`: kept apart. They
 * come after every earlier violation (the browser delivers them in order), so a test that
 * sees its sentinel counted knows the list above is complete.
 */
export const sentinels = { count: 0 };

// Capture on the document: a violation is fired at the element concerned (through shadow
// roots, composed) or, for one without an element, at the document itself.
document.addEventListener(
  'securitypolicyviolation',
  (event) => {
    if (event.target instanceof Element && event.target.hasAttribute('data-sentinel')) {
      sentinels.count += 1;
      return;
    }
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
