import { useDefaultRuleSet, useRuleSets } from '../api/queries';
import type { Criterion, RuleSetContent } from '../api/types';

const DEFAULT_RULE_SET_CODE = 'DVK-MAC-DINH';

function criteriaOf(content: RuleSetContent | undefined): Criterion[] {
  return content?.criteria ?? [];
}

/**
 * The scoring criteria to show in assessment forms. The API does not expose the rule set a cycle
 * froze when it started, so this takes the latest stored version of the default rule set, else the
 * built-in defaults; the API checks submitted scores against the cycle's own criteria.
 */
export function useCriteria(): { criteria: Criterion[]; isLoading: boolean; error: Error | null } {
  const stored = useRuleSets();
  const builtIn = useDefaultRuleSet();
  const latest = stored.data?.find((r) => r.code === DEFAULT_RULE_SET_CODE);
  return {
    criteria: criteriaOf(latest?.content ?? builtIn.data),
    isLoading: stored.isLoading || builtIn.isLoading,
    error: stored.error ?? builtIn.error,
  };
}
