/** Who must have a second factor, and whether a check is recent enough (pure rules). */
export interface SecondFactorPolicy {
  enforcement: 'off' | 'enrol' | 'required';
  requiredRoles: readonly string[];
  stepUpSeconds: number;
}

/** The account's roles call for a second factor (under `enrol` it is urged, under `required`
 * enforced); under `off` nobody's does. */
export function secondFactorRequiredFor(roles: readonly string[], policy: SecondFactorPolicy) {
  return policy.enforcement !== 'off' && roles.some((r) => policy.requiredRoles.includes(r));
}

/** The account may reach only its enrolment until it has a second factor. */
export function mustEnrolFirst(
  roles: readonly string[],
  secondFactorEnabled: boolean,
  policy: SecondFactorPolicy,
): boolean {
  return (
    policy.enforcement === 'required' &&
    !secondFactorEnabled &&
    secondFactorRequiredFor(roles, policy)
  );
}

/** The session's last second-factor check (epoch seconds, from its access token) is recent
 * enough for a signature, a ballot or a decision. A check "in the future" (clock skew between
 * replicas) counts as now. */
export function stepUpFresh(
  checkedAtSeconds: number | undefined,
  nowMs: number,
  policy: Pick<SecondFactorPolicy, 'stepUpSeconds'>,
): boolean {
  if (checkedAtSeconds === undefined) return false;
  return nowMs / 1000 - checkedAtSeconds <= policy.stepUpSeconds;
}
