// Accessibility check for element tests: runs axe-core on one element (its shadow DOM
// included) and fails with a readable list of violations.
import axe from 'axe-core';

/** Options for {@link expectNoAxeViolations}. */
export interface AxeCheckOptions {
  /** Rule ids to switch off for this check, each with a reason in the calling test. */
  disableRules?: readonly string[];
  /** Extra axe `run` options, merged over the defaults. */
  runOptions?: axe.RunOptions;
}

/** One line per violation and failing node, e.g. `image-alt (critical): …  at cl-x >>> img`. */
export function formatAxeViolations(violations: readonly axe.Result[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} at ${JSON.stringify(n.target)} — ${n.failureSummary ?? ''}`,
      ),
    )
    .join('\n');
}

/**
 * Runs axe-core on `el` and throws when it reports any violation.
 * The element must be connected (use `fixture`). Rules that need a whole page
 * (landmarks, page title, one main) are off: an element is not a page.
 */
export async function expectNoAxeViolations(el: Element, options: AxeCheckOptions = {}): Promise<axe.AxeResults> {
  if (!el.isConnected) throw new Error('expectNoAxeViolations: element is not connected');
  const rules: Record<string, { enabled: boolean }> = {
    region: { enabled: false },
    'landmark-one-main': { enabled: false },
    'page-has-heading-one': { enabled: false },
    'document-title': { enabled: false },
    'html-has-lang': { enabled: false },
  };
  for (const id of options.disableRules ?? []) rules[id] = { enabled: false };
  const results = await axe.run(el, { rules, resultTypes: ['violations'], ...options.runOptions });
  if (results.violations.length > 0) {
    throw new Error(`axe found ${results.violations.length} violation(s):\n${formatAxeViolations(results.violations)}`);
  }
  return results;
}
