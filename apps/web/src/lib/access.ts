import type { Capabilities } from '../auth/auth';

/**
 * Who may open which part of the app: one predicate per audience, shared by the routes (which
 * refuse the page) and the menu (which hides its entry). The API enforces the same rules.
 */
export type Access = (caps: Capabilities) => boolean;

export const everyone: Access = () => true;
export const unitUsers: Access = (c) => c.isUnitUser;
export const signers: Access = (c) => c.isSigner;
export const officers: Access = (c) => c.isOfficer;
export const admins: Access = (c) => c.isAdmin;
export const authorities: Access = (c) => c.isAuthority;
/** Administrators and organisation administrators (imports, the organisation tree). */
export const importers: Access = (c) => c.isAdmin || c.isOrgAdmin;
/** Signers and oversight: the approvals inbox. */
export const approvers: Access = (c) => c.isSigner || c.isOversight;
/** Oversight and administrators: decisions. */
export const decisionReaders: Access = (c) => c.isOversight || c.isAdmin;
/** Units, oversight and administrators: results and awards. */
export const resultReaders: Access = (c) => c.isUnitUser || c.isOversight || c.isAdmin;
/** An organisation's own proposals: its office proposes, administrators read. */
export const proposalReaders: Access = (c) => c.isUnitUser || c.isOrgAdmin || c.isAdmin;
/** Every organisation reports on its own subtree. */
export const reportReaders: Access = (c) =>
  c.isOversight || c.isAdmin || c.isOrgAdmin || c.isUnitUser;
