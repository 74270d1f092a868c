/** What the e2e system seeded, for the browser tests (written by global-setup.ts). */
export interface E2eUnit {
  unitCode: string;
  signer: string;
  officer: string;
  unitName: string;
  unitId: string;
}

export interface E2eSystemInfo {
  baseURL: string;
  password: string;
  cycleId: string;
  cycleKey: string;
  movementCode: string;
  roundId: string;
  /** A second cycle of the same cluster, for the head's actions. */
  leadCycle: { cycleId: string; movementCode: string; roundId: string; cycleKey: string };
  /** A third cycle whose later phases are open now (started directly, see e2e-system.ts):
   * registration closed and taking late requests; interim and final review (every member assesses
   * every other), the vote (candidates: `member` and `other`) and the election open. */
  phasesCycle: { cycleId: string; movementCode: string; cycleKey: string };
  cycleEndsOn: string;
  /** Every member's accounts. */
  units: { unitId: string; unitCode: string; signer: string; officer: string }[];
  admin: string;
  head: { signer: string; unitCode: string; unitName: string; unitId: string };
  member: E2eUnit;
  other: E2eUnit;
  /** The HDTD-CUM01 authority's accounts (their own password) and a person of the member unit. */
  commendation: { password: string; reviewer: string; leader: string; personName: string };
  /** The CA the API trusts for personal signatures (PERSONAL_SIGNATURE_CA_PATH), to issue from. */
  personalCa: { certificatePem: string; privateKeyPem: string };
}
