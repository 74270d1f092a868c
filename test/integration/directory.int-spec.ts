import { randomUUID } from 'node:crypto';
import { toVietnamDate } from '@epw/domain';
import { createFixtureCluster, uniqueSuffix, type FixtureCluster } from '@epw/testing';
import { startTestSystem, type TestSystem } from '../support/test-system';

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; rule: string; message: string }[];
}
interface Unit {
  id: string;
  code: string;
  name: string;
  kind: string;
  level: string | null;
  headcount: number | null;
  userCount: number;
}
interface Cluster {
  id: string;
  code: string;
  name: string;
  organizer: string | null;
  councilUnitId: string | null;
  years: number[];
}
interface Memberships {
  clusterId: string;
  year: number;
  frozenBy: string | null;
  members: { unitId: string; unitCode: string; role: string; position: number }[];
}
interface User {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  unitId: string | null;
  unitCode: string | null;
  roles: string[];
  active: boolean;
}
interface TokenPair {
  accessToken: string;
  refreshToken: string;
}
interface Me {
  username: string;
  unitId: string | null;
  unitCode: string | null;
  roles: string[];
  clusters: { clusterId: string; clusterCode: string; year: number; role: string }[];
}

const YEAR = Number(toVietnamDate(Date.now()).slice(0, 4));
const NEW_PASSWORD = 'mat-khau-moi-2026';

/**
 * The directory administrators keep: units, clusters and their yearly members, accounts. Every
 * change is audited; duplicates are a 409 with their own code; an administrator cannot lock
 * themselves out; a deactivated account can neither log in nor refresh.
 */
describe('directory administration (units, clusters, memberships, users)', () => {
  let sys: TestSystem;
  let fixture: FixtureCluster;
  const suffix = uniqueSuffix();
  let adminId: string;

  beforeAll(async () => {
    sys = await startTestSystem();
    fixture = await createFixtureCluster(sys.prisma, suffix, [YEAR]);
    adminId = (await sys.prisma.user.findUniqueOrThrow({ where: { username: fixture.admin } })).id;
  });

  afterAll(async () => {
    await sys?.close();
  });

  const admin = <T>(method: string, path: string, body?: unknown, lang = 'vi') =>
    sys.http.as<T & Problem>(fixture.admin, method, path, body, { 'accept-language': lang });
  const login = (username: string, password: string) =>
    sys.http.request<TokenPair & Problem>('POST', '/auth/login', {
      body: { username, password },
    });
  const auditOf = (entityType: string, entityId: string) =>
    sys.prisma.auditLog.findMany({ where: { entityType, entityId }, orderBy: { id: 'asc' } });

  describe('access', () => {
    it.each([
      ['GET', '/admin/units'],
      ['POST', '/admin/units'],
      ['GET', '/admin/clusters'],
      ['GET', '/admin/users'],
      ['POST', '/admin/users'],
    ])('refuses %s %s to a unit signer (403 FORBIDDEN)', async (method, path) => {
      const res = await sys.http.as<Problem>(
        fixture.head.signer,
        method,
        path,
        method === 'POST' ? {} : undefined,
      );
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    });

    it('refuses an anonymous caller (401)', async () => {
      const res = await sys.http.request<Problem>('GET', '/admin/users');
      expect(res.status).toBe(401);
    });
  });

  describe('units', () => {
    const code = `DUK-NEW-${suffix}`;
    let unit: Unit;

    it('creates a unit and audits it', async () => {
      const res = await admin<Unit>('POST', '/admin/units', {
        code,
        name: '  Đảng ủy Khối mới  ',
        headcount: 40,
      });
      expect(res.status).toBe(201);
      unit = res.body;
      expect(unit).toMatchObject({
        code,
        name: 'Đảng ủy Khối mới',
        kind: 'MEMBER',
        level: null,
        headcount: 40,
        userCount: 0,
      });
      const audit = await auditOf('Unit', unit.id);
      expect(audit.map((a) => [a.action, a.actorUserId])).toEqual([['unit.created', adminId]]);
    });

    it('lists units by kind and search', async () => {
      const found = await admin<Unit[]>(
        'GET',
        `/admin/units?kind=MEMBER&search=${encodeURIComponent(code.toLowerCase())}`,
      );
      expect(found.status).toBe(200);
      expect(found.body.map((u) => u.code)).toEqual([code]);
      const authorities = await admin<Unit[]>('GET', `/admin/units?kind=AUTHORITY&search=${code}`);
      expect(authorities.body).toEqual([]);
    });

    it('edits name, kind and level, and audits what changed', async () => {
      const res = await admin<Unit>('PATCH', `/admin/units/${unit.id}`, {
        name: 'Ủy ban kiểm thử',
        kind: 'AUTHORITY',
        level: 'BLOC',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ code, name: 'Ủy ban kiểm thử', kind: 'AUTHORITY' });
      const audit = await auditOf('Unit', unit.id);
      expect(audit.at(-1)?.action).toBe('unit.updated');
      expect(audit.at(-1)?.payload).toMatchObject({
        changes: { name: { from: 'Đảng ủy Khối mới', to: 'Ủy ban kiểm thử' } },
      });
      // Back to a member unit for the tests below.
      await admin('PATCH', `/admin/units/${unit.id}`, { kind: 'MEMBER', level: null });
    });

    it('refuses bad input naming the field and rule (400, Vietnamese first)', async () => {
      const res = await admin('POST', '/admin/units', { code: 'mã sai', name: 'ab', kind: 'X' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.detail).toMatch(/^Dữ liệu gửi lên không hợp lệ/);
      expect(res.body.errors?.map((e) => [e.field, e.rule]).sort()).toEqual([
        ['code', 'matches'],
        ['kind', 'isIn'],
        ['name', 'isLength'],
      ]);
    });

    it('keeps the code immutable and refuses a null name', async () => {
      const res = await admin('PATCH', `/admin/units/${unit.id}`, { code: 'OTHER', name: null });
      expect(res.status).toBe(400);
      expect([...new Set(res.body.errors?.map((e) => e.field))].sort()).toEqual(['code', 'name']);
    });

    it('refuses a duplicate code (409 UNIT_CODE_TAKEN), in English on request', async () => {
      const res = await admin('POST', '/admin/units', { code, name: 'Trùng mã' }, 'en');
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('UNIT_CODE_TAKEN');
      expect(res.body.detail).toContain(code);
      expect(res.body.detail).toMatch(/already used/);
    });

    it('answers 404 for an unknown unit and 400 for a malformed id', async () => {
      expect(
        (await admin('PATCH', `/admin/units/${randomUUID()}`, { name: 'Không có' })).status,
      ).toBe(404);
      const bad = await admin('PATCH', '/admin/units/not-a-uuid', { name: 'Không có' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.[0]?.field).toBe('id');
    });
  });

  describe('clusters and yearly memberships', () => {
    const code = `CTD-NEW-${suffix}`;
    const year = YEAR + 3;
    let cluster: Cluster;
    let units: Unit[];

    beforeAll(async () => {
      units = [];
      for (const n of [1, 2, 3]) {
        const res = await admin<Unit>('POST', '/admin/units', {
          code: `DUK-M${n}-${suffix}`,
          name: `Đơn vị thành viên ${n}`,
        });
        units.push(res.body);
      }
    });

    it('creates, lists and edits a cluster', async () => {
      const created = await admin<Cluster>('POST', '/admin/clusters', {
        code,
        name: 'Cụm thi đua mới',
      });
      expect(created.status).toBe(201);
      cluster = created.body;
      expect(cluster).toMatchObject({ code, organizer: null, years: [] });
      const edited = await admin<Cluster>('PATCH', `/admin/clusters/${cluster.id}`, {
        organizer: 'Ban Dân vận Thành ủy',
      });
      expect(edited.body.organizer).toBe('Ban Dân vận Thành ủy');
      const listed = await admin<Cluster[]>('GET', `/admin/clusters?search=${code}`);
      expect(listed.body.map((c) => c.code)).toEqual([code]);
      const audit = await auditOf('Cluster', cluster.id);
      expect(audit.map((a) => a.action)).toEqual(['cluster.created', 'cluster.updated']);
    });

    it("names the cluster's council, refusing a unit that does not exist (400)", async () => {
      const council = units[0];
      const unknown = await admin('PATCH', `/admin/clusters/${cluster.id}`, {
        councilUnitId: '00000000-0000-4000-8000-000000000000',
      });
      expect(unknown.status).toBe(400);
      expect(JSON.stringify(unknown.body)).toContain('councilUnitId');
      const listed = await admin<Cluster[]>('GET', `/admin/clusters?search=${code}`);
      expect(listed.body.map((c) => c.councilUnitId)).toEqual([null]);
      const named = await admin<Cluster>('PATCH', `/admin/clusters/${cluster.id}`, {
        councilUnitId: council.id,
      });
      expect(named.status).toBe(200);
      expect(named.body).toMatchObject({ councilUnitId: council.id });
      const audit = await auditOf('Cluster', cluster.id);
      expect(audit.map((a) => a.action)).toEqual([
        'cluster.created',
        'cluster.updated',
        'cluster.updated',
      ]);
    });

    it('refuses a duplicate cluster code (409 CLUSTER_CODE_TAKEN)', async () => {
      const res = await admin('POST', '/admin/clusters', { code, name: 'Cụm trùng mã' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('CLUSTER_CODE_TAKEN');
    });

    it('replaces the members of a year and audits the change', async () => {
      const [a, b, c] = units as [Unit, Unit, Unit];
      const res = await admin<Memberships>(
        'PUT',
        `/admin/clusters/${cluster.id}/memberships/${year}`,
        {
          members: [
            { unitId: a.id, role: 'HEAD' },
            { unitId: b.id, role: 'DEPUTY' },
            { unitId: c.id, role: 'MEMBER' },
          ],
        },
      );
      expect(res.status).toBe(200);
      expect(res.body.frozenBy).toBeNull();
      expect(res.body.members.map((m) => [m.unitCode, m.role, m.position])).toEqual([
        [a.code, 'HEAD', 0],
        [b.code, 'DEPUTY', 1],
        [c.code, 'MEMBER', 2],
      ]);
      // Replacing drops the units no longer listed.
      const again = await admin<Memberships>(
        'PUT',
        `/admin/clusters/${cluster.id}/memberships/${year}`,
        { members: [{ unitId: b.id, role: 'HEAD', position: 5 }] },
      );
      expect(again.body.members.map((m) => [m.unitCode, m.role, m.position])).toEqual([
        [b.code, 'HEAD', 5],
      ]);
      const read = await admin<Memberships>(
        'GET',
        `/admin/clusters/${cluster.id}/memberships?year=${year}`,
      );
      expect(read.body.members).toHaveLength(1);
      const listed = await admin<Cluster[]>('GET', `/admin/clusters?search=${code}`);
      expect(listed.body[0]?.years).toEqual([year]);
      const audit = await auditOf('Cluster', cluster.id);
      expect(audit.at(-1)?.action).toBe('cluster.memberships-replaced');
      expect(audit.at(-1)?.payload).toMatchObject({
        year,
        after: [{ unitId: b.id, role: 'HEAD' }],
      });
    });

    it.each([
      [
        'no head',
        (u: Unit[]) => [{ unitId: u[0]?.id, role: 'MEMBER' }],
        'members[0].role',
        'oneHead',
      ],
      [
        'two heads',
        (u: Unit[]) => [
          { unitId: u[0]?.id, role: 'HEAD' },
          { unitId: u[1]?.id, role: 'HEAD' },
        ],
        'members[1].role',
        'oneHead',
      ],
      [
        'two deputies',
        (u: Unit[]) => [
          { unitId: u[0]?.id, role: 'HEAD' },
          { unitId: u[1]?.id, role: 'DEPUTY' },
          { unitId: u[2]?.id, role: 'DEPUTY' },
        ],
        'members[2].role',
        'oneDeputy',
      ],
      [
        'a unit twice',
        (u: Unit[]) => [
          { unitId: u[0]?.id, role: 'HEAD' },
          { unitId: u[0]?.id, role: 'MEMBER' },
        ],
        'members[1].unitId',
        'uniqueUnit',
      ],
      [
        'an unknown unit',
        (u: Unit[]) => [
          { unitId: u[0]?.id, role: 'HEAD' },
          { unitId: '00000000-0000-4000-8000-000000000000', role: 'MEMBER' },
        ],
        'members[1].unitId',
        'unitExists',
      ],
    ])('refuses a list with %s (400 naming the field)', async (_name, list, field, rule) => {
      const before = await admin<Memberships>(
        'GET',
        `/admin/clusters/${cluster.id}/memberships?year=${year}`,
      );
      const res = await admin('PUT', `/admin/clusters/${cluster.id}/memberships/${year}`, {
        members: list(units),
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('MEMBERSHIP_INVALID');
      expect(res.body.errors).toEqual([expect.objectContaining({ field, rule })]);
      const after = await admin<Memberships>(
        'GET',
        `/admin/clusters/${cluster.id}/memberships?year=${year}`,
      );
      expect(after.body.members).toEqual(before.body.members);
    });

    it('refuses a malformed member list and year', async () => {
      const res = await admin('PUT', `/admin/clusters/${cluster.id}/memberships/${year}`, {
        members: [{ unitId: 'x', role: 'BOSS' }],
      });
      expect(res.status).toBe(400);
      expect(res.body.errors?.map((e) => e.field).sort()).toEqual([
        'members[0].role',
        'members[0].unitId',
      ]);
      const badYear = await admin('PUT', `/admin/clusters/${cluster.id}/memberships/20x6`, {
        members: [],
      });
      expect(badYear.status).toBe(400);
      expect(badYear.body.errors?.[0]?.field).toBe('year');
    });

    it('refuses to change a year whose cycle has started (409 MEMBERSHIP_FROZEN)', async () => {
      const cycle = await sys.prisma.emulationCycle.create({
        data: {
          clusterId: fixture.clusterId,
          movementCode: 'DIR',
          movementName: 'Phong trào kiểm thử',
          periodKind: 'YEAR',
          periodLabel: String(YEAR),
          startsOn: new Date(`${YEAR}-01-01T00:00:00Z`),
          endsOn: new Date(`${YEAR}-12-31T00:00:00Z`),
          calendarEpoch: new Date(),
        },
      });
      const members = fixture.units.map((u, i) => ({ unitId: u.id, role: u.role, position: i }));
      const path = `/admin/clusters/${fixture.clusterId}/memberships/${YEAR}`;
      // A planned cycle reads its members when it starts: the list may still change.
      expect((await admin('PUT', path, { members })).status).toBe(200);
      await sys.prisma.emulationCycle.update({
        where: { id: cycle.id },
        data: { status: 'ACTIVE' },
      });
      const res = await admin('PUT', path, { members: members.slice(1) });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('MEMBERSHIP_FROZEN');
      expect(res.body.detail).toContain('đã được chốt lúc khởi động kỳ');
      const read = await admin<Memberships>(
        'GET',
        `/admin/clusters/${fixture.clusterId}/memberships?year=${YEAR}`,
      );
      expect(read.body.frozenBy).toBe(`Phong trào kiểm thử ${YEAR}`);
      expect(read.body.members).toHaveLength(fixture.units.length);
    });
  });

  describe('users', () => {
    const username = `nguoi-dung-${suffix.toLowerCase()}`;
    let user: User;

    it('creates an account that can log in, with its unit and cluster role in /auth/me', async () => {
      const head = fixture.head;
      const res = await admin<User>('POST', '/admin/users', {
        username,
        fullName: 'Nguyễn Văn An',
        email: 'an@example.vn',
        unitId: head.id,
        roles: ['UNIT_OFFICER'],
        password: 'mat-khau-ban-dau',
      });
      expect(res.status).toBe(201);
      user = res.body;
      expect(user).toMatchObject({
        username,
        unitId: head.id,
        unitCode: head.code,
        roles: ['UNIT_OFFICER'],
        active: true,
      });
      expect(JSON.stringify(res.body)).not.toContain('password');
      const audit = await auditOf('User', user.id);
      expect(audit.map((a) => a.action)).toEqual(['user.created']);
      expect(JSON.stringify(audit[0]?.payload)).not.toContain('mat-khau');

      const tokens = await login(username, 'mat-khau-ban-dau');
      expect(tokens.status).toBe(200);
      const me = await sys.http.request<Me>('GET', '/auth/me', { token: tokens.body.accessToken });
      expect(me.body).toMatchObject({ username, unitId: head.id, unitCode: head.code });
      expect(me.body.clusters).toEqual([
        expect.objectContaining({ clusterId: fixture.clusterId, year: YEAR, role: 'HEAD' }),
      ]);
    });

    it('lists accounts by search, unit and role', async () => {
      const bySearch = await admin<User[]>('GET', `/admin/users?search=${suffix}`);
      expect(bySearch.body.map((u) => u.username)).toContain(username);
      const byUnit = await admin<User[]>(
        'GET',
        `/admin/users?unitId=${fixture.head.id}&role=UNIT_OFFICER`,
      );
      expect(byUnit.body.map((u) => u.username).sort()).toEqual(
        [fixture.head.officer, fixture.head.signer, username].sort(),
      );
      const signers = await admin<User[]>(
        'GET',
        `/admin/users?unitId=${fixture.head.id}&role=UNIT_SIGNER`,
      );
      expect(signers.body.map((u) => u.username)).toEqual([fixture.head.signer]);
    });

    it('refuses a duplicate username (409 USERNAME_TAKEN) and bad input (400)', async () => {
      const dup = await admin('POST', '/admin/users', {
        username,
        fullName: 'Trùng tên',
        roles: [],
        password: 'mat-khau-ban-dau',
      });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('USERNAME_TAKEN');
      const bad = await admin('POST', '/admin/users', {
        username: 'A B',
        fullName: 'Sai',
        email: 'not-an-email',
        roles: ['KING'],
        password: 'short',
        unitId: 'x',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.map((e) => e.field).sort()).toEqual([
        'email',
        'password',
        'roles',
        'unitId',
        'username',
      ]);
      const unknownUnit = await admin('POST', '/admin/users', {
        username: `${username}-2`,
        fullName: 'Đơn vị lạ',
        roles: [],
        password: 'mat-khau-ban-dau',
        unitId: randomUUID(),
      });
      expect(unknownUnit.status).toBe(400);
      expect(unknownUnit.body.errors?.[0]).toMatchObject({ field: 'unitId', rule: 'unitExists' });
    });

    it('edits roles and e-mail, auditing what changed', async () => {
      const res = await admin<User>('PATCH', `/admin/users/${user.id}`, {
        roles: ['UNIT_OFFICER', 'UNIT_SIGNER'],
        email: null,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ roles: ['UNIT_OFFICER', 'UNIT_SIGNER'], email: null });
      const audit = await auditOf('User', user.id);
      expect(audit.at(-1)?.payload).toMatchObject({
        changes: { roles: { from: ['UNIT_OFFICER'], to: ['UNIT_OFFICER', 'UNIT_SIGNER'] } },
      });
    });

    it('never lets an administrator lock themselves out (403 SELF_LOCKOUT)', async () => {
      const deactivate = await admin('PATCH', `/admin/users/${adminId}`, { active: false });
      expect(deactivate.status).toBe(403);
      expect(deactivate.body.code).toBe('SELF_LOCKOUT');
      const demote = await admin('PATCH', `/admin/users/${adminId}`, { roles: ['REVIEWER'] });
      expect(demote.status).toBe(403);
      expect(demote.body.code).toBe('SELF_LOCKOUT');
      const self = await sys.prisma.user.findUniqueOrThrow({ where: { id: adminId } });
      expect(self).toMatchObject({ active: true, roles: ['ADMIN'] });
      // Other edits of one's own account are fine.
      const rename = await admin<User>('PATCH', `/admin/users/${adminId}`, {
        fullName: 'Quản trị viên',
      });
      expect(rename.status).toBe(200);
    });

    it('resets a password: the old one and the old sessions stop working', async () => {
      const before = await login(username, 'mat-khau-ban-dau');
      expect(before.status).toBe(200);
      const res = await admin('POST', `/admin/users/${user.id}/password`, {
        password: NEW_PASSWORD,
      });
      expect(res.status).toBe(204);
      expect((await login(username, 'mat-khau-ban-dau')).body.code).toBe('INVALID_CREDENTIALS');
      const refresh = await sys.http.request<Problem>('POST', '/auth/refresh', {
        body: { refreshToken: before.body.refreshToken },
      });
      expect(refresh.status).toBe(401);
      expect(refresh.body.code).toBe('REFRESH_TOKEN_INVALID');
      expect((await login(username, NEW_PASSWORD)).status).toBe(200);
      const audit = await auditOf('User', user.id);
      expect(audit.at(-1)?.action).toBe('user.password-reset');
    });

    it('deactivates an account: no login, no refresh, its tokens revoked', async () => {
      const session = await login(username, NEW_PASSWORD);
      expect(session.status).toBe(200);
      const res = await admin<User>('PATCH', `/admin/users/${user.id}`, { active: false });
      expect(res.status).toBe(200);
      expect(res.body.active).toBe(false);
      const tokens = await sys.prisma.refreshToken.findMany({ where: { userId: user.id } });
      expect(tokens.every((t) => t.revokedAt !== null)).toBe(true);
      expect(tokens.some((t) => t.revokedReason === 'deactivated')).toBe(true);

      const again = await login(username, NEW_PASSWORD);
      expect(again.status).toBe(401);
      expect(again.body.code).toBe('INVALID_CREDENTIALS');
      const refresh = await sys.http.request<Problem>('POST', '/auth/refresh', {
        body: { refreshToken: session.body.refreshToken },
      });
      expect(refresh.status).toBe(401);
      expect(refresh.body.code).toBe('REFRESH_TOKEN_INVALID');
      expect((await auditOf('User', user.id)).at(-1)?.action).toBe('user.deactivated');

      const inactive = await admin<User[]>('GET', `/admin/users?search=${suffix}&active=false`);
      expect(inactive.body.map((u) => u.username)).toEqual([username]);
      // Reactivated, the account logs in again.
      await admin('PATCH', `/admin/users/${user.id}`, { active: true });
      expect((await login(username, NEW_PASSWORD)).status).toBe(200);
    });
  });

  it('keeps the audit chain intact', async () => {
    const res = await admin<{ ok: boolean }>('GET', '/audit/verify');
    expect(res.body.ok).toBe(true);
  });
});
