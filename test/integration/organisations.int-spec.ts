import { toVietnamDate } from '@epw/domain';
import {
  DEMO_PASSWORD,
  createFixtureCluster,
  uniqueSuffix,
  type FixtureCluster,
} from '@epw/testing';
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
  level: string | null;
  orgKind: string | null;
  parentId: string | null;
  ancestorIds: string[];
  depth: number;
  headcount: number | null;
}
interface User {
  id: string;
  username: string;
  unitId: string | null;
}
interface TreeNode {
  id: string;
  code: string;
  parentId: string | null;
  children: TreeNode[];
}
interface Tree {
  ancestors: { id: string; code: string }[];
  root: TreeNode;
}
interface Memberships {
  members: { unitId: string; role: string }[];
}

const YEAR = Number(toVietnamDate(Date.now()).slice(0, 4));

/**
 * The organisation tree: units placed under a parent with a level and a kind, moved with their
 * whole subtree, and administered by the global administrator everywhere and by an organisation
 * administrator (ORG_ADMIN) only beneath their own organisation: a sibling's subtree is refused
 * with 403 OUTSIDE_SUBTREE and changes nothing.
 */
describe('organisation tree and subtree administration', () => {
  let sys: TestSystem;
  let fixture: FixtureCluster;
  const suffix = uniqueSuffix();
  const sfx = suffix.toLowerCase();
  const blocAdmin = `khoi-a.admin-${sfx}`;
  const districtAdmin = `quan-b.admin-${sfx}`;
  let blocAdminId: string;
  const u = {} as Record<
    'city' | 'blocA' | 'districtB' | 'baseB1' | 'baseA1' | 'baseA2' | 'cellA1',
    Unit
  >;

  const as = <T>(username: string, method: string, path: string, body?: unknown) =>
    sys.http.as<T & Problem>(username, method, path, body);
  const admin = <T>(method: string, path: string, body?: unknown) =>
    as<T>(fixture.admin, method, path, body);
  const createUnit = async (actor: string, body: Record<string, unknown>): Promise<Unit> => {
    const res = await as<Unit>(actor, 'POST', '/admin/units', body);
    if (res.status !== 201) throw new Error(`create unit: ${JSON.stringify(res)}`);
    return res.body;
  };
  /** What an organisation administrator could have changed in district B's subtree. */
  const districtSnapshot = async () => {
    const units = await sys.prisma.unit.findMany({
      where: { path: { startsWith: `/${u.city.id}/${u.districtB.id}/` } },
      orderBy: { code: 'asc' },
    });
    return {
      units,
      users: await sys.prisma.user.findMany({
        where: { unitId: { in: units.map((x) => x.id) } },
        orderBy: { username: 'asc' },
      }),
      people: await sys.prisma.person.count({ where: { unitId: { in: units.map((x) => x.id) } } }),
      audit: await sys.prisma.auditLog.count({ where: { actorUserId: blocAdminId } }),
    };
  };

  beforeAll(async () => {
    sys = await startTestSystem();
    fixture = await createFixtureCluster(sys.prisma, suffix, [YEAR]);
    // A city with a bloc and a district, built through the API by the global administrator.
    u.city = await createUnit(fixture.admin, {
      code: `TU-${suffix}`,
      name: 'Thành ủy kiểm thử',
      level: 'PROVINCE',
      orgKind: 'PARTY_COMMITTEE',
    });
    u.blocA = await createUnit(fixture.admin, {
      code: `DUK-A-${suffix}`,
      name: 'Đảng ủy Khối A',
      parentId: u.city.id,
      level: 'BLOC',
      orgKind: 'PARTY_COMMITTEE',
    });
    u.districtB = await createUnit(fixture.admin, {
      code: `QU-B-${suffix}`,
      name: 'Quận ủy B',
      parentId: u.city.id,
      level: 'DISTRICT',
      orgKind: 'PARTY_COMMITTEE',
    });
    u.baseB1 = await createUnit(fixture.admin, {
      code: `DU-B1-${suffix}`,
      name: 'Đảng ủy Phường B1',
      parentId: u.districtB.id,
      level: 'BASE',
      orgKind: 'PARTY_COMMITTEE',
    });
    for (const [username, unitId] of [
      [blocAdmin, u.blocA.id],
      [districtAdmin, u.districtB.id],
    ] as const) {
      const res = await admin<User>('POST', '/admin/users', {
        username,
        fullName: 'Quản trị tổ chức',
        unitId,
        roles: ['ORG_ADMIN'],
        password: DEMO_PASSWORD,
      });
      expect(res.status).toBe(201);
      if (username === blocAdmin) blocAdminId = res.body.id;
    }
  });

  afterAll(async () => {
    await sys?.close();
  });

  it('answers units with their parent, kind, level and ancestors', async () => {
    const res = await admin<Unit[]>('GET', `/admin/units?under=${u.city.id}`);
    expect(res.status).toBe(200);
    expect(res.body.map((x) => x.code).sort()).toEqual(
      [u.city, u.blocA, u.districtB, u.baseB1].map((x) => x.code).sort(),
    );
    expect(res.body.find((x) => x.id === u.baseB1.id)).toMatchObject({
      parentId: u.districtB.id,
      level: 'BASE',
      orgKind: 'PARTY_COMMITTEE',
      ancestorIds: [u.city.id, u.districtB.id],
      depth: 2,
    });
  });

  it("lets the bloc's administrator create units and an account beneath the bloc, audited", async () => {
    u.baseA1 = await createUnit(blocAdmin, {
      code: `DU-A1-${suffix}`,
      name: 'Đảng ủy cơ sở A1',
      parentId: u.blocA.id,
      level: 'BASE',
      orgKind: 'PARTY_COMMITTEE',
    });
    u.baseA2 = await createUnit(blocAdmin, {
      code: `DU-A2-${suffix}`,
      name: 'Đảng ủy cơ sở A2',
      parentId: u.blocA.id,
      level: 'BASE',
      orgKind: 'PARTY_COMMITTEE',
    });
    u.cellA1 = await createUnit(blocAdmin, {
      code: `CB-A1-${suffix}`,
      name: 'Chi bộ A1-1',
      parentId: u.baseA1.id,
      level: null,
      orgKind: 'PARTY_CELL',
    });
    expect(u.cellA1.ancestorIds).toEqual([u.city.id, u.blocA.id, u.baseA1.id]);
    const unitAudit = await sys.prisma.auditLog.findMany({
      where: { entityType: 'Unit', entityId: u.baseA1.id },
    });
    expect(unitAudit.map((a) => [a.action, a.actorUserId])).toEqual([
      ['unit.created', blocAdminId],
    ]);

    const user = await as<User>(blocAdmin, 'POST', '/admin/users', {
      username: `du-a1.officer-${sfx}`,
      fullName: 'Cán bộ A1',
      unitId: u.baseA1.id,
      roles: ['UNIT_OFFICER'],
      password: 'mat-khau-kiem-thu',
    });
    expect(user.status).toBe(201);
    const userAudit = await sys.prisma.auditLog.findMany({
      where: { entityType: 'User', entityId: user.body.id },
    });
    expect(userAudit.map((a) => [a.action, a.actorUserId])).toEqual([
      ['user.created', blocAdminId],
    ]);

    const person = await as(blocAdmin, 'POST', `/units/${u.baseA1.id}/people`, {
      fullName: 'Nguyễn Văn A',
      position: 'Bí thư',
    });
    expect(person.status).toBe(201);
    const headcount = await as(blocAdmin, 'PUT', `/units/${u.baseA1.id}/headcount`, {
      headcount: 25,
    });
    expect(headcount.status).toBe(200);
    expect((await as<unknown[]>(blocAdmin, 'GET', `/units/${u.baseA1.id}/people`)).status).toBe(
      200,
    );
  });

  it("refuses the bloc's administrator everything in the sibling district (403 OUTSIDE_SUBTREE) and changes nothing", async () => {
    const [districtOfficer] = (await admin<User[]>('GET', `/admin/users?unitId=${u.districtB.id}`))
      .body;
    const before = await districtSnapshot();
    const attempts: [string, string, unknown?][] = [
      [
        'POST',
        '/admin/units',
        { code: `DU-X-${suffix}`, name: 'Đơn vị lấn sân', parentId: u.districtB.id },
      ],
      ['PATCH', `/admin/units/${u.baseB1.id}`, { name: 'Đổi tên lấn sân' }],
      [
        'POST',
        '/admin/users',
        {
          username: `lan-san-${sfx}`,
          fullName: 'Lấn sân',
          unitId: u.baseB1.id,
          roles: ['UNIT_OFFICER'],
          password: 'mat-khau-kiem-thu',
        },
      ],
      ['GET', `/units/${u.baseB1.id}/people`],
      ['POST', `/units/${u.baseB1.id}/people`, { fullName: 'Lấn Sân' }],
      ['PUT', `/units/${u.baseB1.id}/headcount`, { headcount: 99 }],
      ['GET', `/admin/units?under=${u.districtB.id}`],
      ['GET', `/organisations/${u.districtB.id}/tree`],
      // Not the bloc itself, nor above it: the level above decides where the bloc sits.
      ['PATCH', `/admin/units/${u.blocA.id}`, { name: 'Tự đổi tên' }],
      ['PATCH', `/admin/units/${u.city.id}`, { name: 'Đổi tên cấp trên' }],
      ['POST', '/admin/units', { code: `TOP-${suffix}`, name: 'Đơn vị cấp cao nhất' }],
    ];
    if (districtOfficer)
      attempts.push([
        'POST',
        `/admin/users/${districtOfficer.id}/password`,
        { password: 'x'.repeat(10) },
      ]);
    for (const [method, path, body] of attempts) {
      const res = await as(blocAdmin, method, path, body);
      expect({ method, path, status: res.status, code: res.body.code }).toEqual({
        method,
        path,
        status: 403,
        code: 'OUTSIDE_SUBTREE',
      });
    }
    expect(await districtSnapshot()).toEqual(before);
  });

  it('never lets an organisation administrator give the ADMIN role', async () => {
    const res = await as(blocAdmin, 'POST', '/admin/users', {
      username: `khoi-a.root-${sfx}`,
      fullName: 'Quản trị hệ thống giả',
      unitId: u.baseA1.id,
      roles: ['ADMIN'],
      password: 'mat-khau-kiem-thu',
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('refuses moving a unit out of the subtree, and answers in English on request', async () => {
    for (const parentId of [u.districtB.id, null]) {
      const res = await as(blocAdmin, 'PATCH', `/admin/units/${u.cellA1.id}`, { parentId });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('OUTSIDE_SUBTREE');
    }
    const en = await sys.http.as<Problem>(
      blocAdmin,
      'PATCH',
      `/admin/units/${u.cellA1.id}`,
      { parentId: u.districtB.id },
      { 'accept-language': 'en' },
    );
    expect(en.body.detail).toMatch(/outside the organisation you administer/);
    const row = await sys.prisma.unit.findUniqueOrThrow({ where: { id: u.cellA1.id } });
    expect(row.parentId).toBe(u.baseA1.id);
  });

  it('refuses a move beneath the unit itself or its descendant (409 ORGANISATION_CYCLE)', async () => {
    for (const parentId of [u.blocA.id, u.cellA1.id]) {
      const res = await admin('PATCH', `/admin/units/${u.blocA.id}`, { parentId });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('ORGANISATION_CYCLE');
    }
    const row = await sys.prisma.unit.findUniqueOrThrow({ where: { id: u.blocA.id } });
    expect(row.parentId).toBe(u.city.id);
  });

  it('refuses a unit above its parent or an unknown parent (400 naming the field and rule)', async () => {
    const above = await admin('POST', '/admin/units', {
      code: `QU-X-${suffix}`,
      name: 'Cấp trên đặt dưới cơ sở',
      parentId: u.baseB1.id,
      level: 'PROVINCE',
    });
    expect(above.status).toBe(400);
    expect(above.body.errors?.map((e) => [e.field, e.rule])).toEqual([
      ['parentId', 'parentLevelNotBelowUnit'],
    ]);
    const unknown = await admin('POST', '/admin/units', {
      code: `QU-Y-${suffix}`,
      name: 'Cấp trên không có',
      parentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.map((e) => [e.field, e.rule])).toEqual([
      ['parentId', 'unitExists'],
    ]);
  });

  it('moves a unit within the subtree, and a whole subtree, rewriting every path in one audited change', async () => {
    // The bloc's administrator moves a chi bộ from one base committee to another.
    const within = await as<Unit>(blocAdmin, 'PATCH', `/admin/units/${u.cellA1.id}`, {
      parentId: u.baseA2.id,
    });
    expect(within.status).toBe(200);
    expect(within.body.ancestorIds).toEqual([u.city.id, u.blocA.id, u.baseA2.id]);

    // The global administrator moves base committee A2 (with its chi bộ) to district B.
    const moved = await admin<Unit>('PATCH', `/admin/units/${u.baseA2.id}`, {
      parentId: u.districtB.id,
      name: 'Đảng ủy cơ sở A2 (chuyển về quận B)',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ parentId: u.districtB.id, depth: 2 });
    const cell = await sys.prisma.unit.findUniqueOrThrow({ where: { id: u.cellA1.id } });
    expect(cell.path).toBe(`/${u.city.id}/${u.districtB.id}/${u.baseA2.id}/${u.cellA1.id}/`);
    const audit = await sys.prisma.auditLog.findMany({
      where: { entityType: 'Unit', entityId: u.baseA2.id },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['unit.created', 'unit.moved']);
    expect(audit.at(-1)?.payload).toMatchObject({
      fromPath: `/${u.city.id}/${u.blocA.id}/${u.baseA2.id}/`,
      toPath: `/${u.city.id}/${u.districtB.id}/${u.baseA2.id}/`,
      descendants: 1,
      changes: { parentId: { from: u.blocA.id, to: u.districtB.id } },
    });

    const tree = await as<Tree>(districtAdmin, 'GET', `/organisations/${u.districtB.id}/tree`);
    expect(tree.status).toBe(200);
    expect(tree.body.ancestors.map((a) => a.id)).toEqual([u.city.id]);
    const a2 = tree.body.root.children.find((c) => c.id === u.baseA2.id);
    expect(a2?.children.map((c) => c.id)).toEqual([u.cellA1.id]);
    // Now beyond the bloc's administrator.
    const gone = await as(blocAdmin, 'PATCH', `/admin/units/${u.cellA1.id}`, { name: 'Không còn' });
    expect(gone.body.code).toBe('OUTSIDE_SUBTREE');
  });

  it('lists only their own subtree to an organisation administrator', async () => {
    const units = await as<Unit[]>(blocAdmin, 'GET', '/admin/units');
    expect(units.status).toBe(200);
    expect(units.body.map((x) => x.code).sort()).toEqual([u.blocA.code, u.baseA1.code].sort());
    const users = await as<User[]>(blocAdmin, 'GET', '/admin/users');
    expect(users.body.map((x) => x.username).sort()).toEqual(
      [blocAdmin, `du-a1.officer-${sfx}`].sort(),
    );
    const district = await as<Unit[]>(districtAdmin, 'GET', '/admin/units');
    expect(district.body.map((x) => x.code).sort()).toEqual(
      [u.districtB.code, u.baseB1.code, u.baseA2.code, u.cellA1.code].sort(),
    );
  });

  it("replaces a cluster's members only when every member lies in the caller's subtree", async () => {
    const cluster = await admin<{ id: string }>('POST', '/admin/clusters', {
      code: `KTD-B-${suffix}`,
      name: 'Khối thi đua phường quận B',
    });
    const path = `/admin/clusters/${cluster.body.id}/memberships/${YEAR}`;
    const set = await admin<Memberships>('PUT', path, {
      members: [
        { unitId: u.baseB1.id, role: 'HEAD' },
        { unitId: u.baseA2.id, role: 'MEMBER' },
      ],
    });
    expect(set.status).toBe(200);
    const byDistrict = await as<Memberships>(districtAdmin, 'PUT', path, {
      members: [
        { unitId: u.baseA2.id, role: 'HEAD' },
        { unitId: u.baseB1.id, role: 'DEPUTY' },
      ],
    });
    expect(byDistrict.status).toBe(200);
    expect(byDistrict.body.members.map((m) => m.role)).toEqual(['HEAD', 'DEPUTY']);
    const byBloc = await as(blocAdmin, 'PUT', path, {
      members: [{ unitId: u.baseA1.id, role: 'HEAD' }],
    });
    expect(byBloc.status).toBe(403);
    expect(byBloc.body.code).toBe('OUTSIDE_SUBTREE');
    const fixtureCluster = await as(
      districtAdmin,
      'GET',
      `/admin/clusters/${fixture.clusterId}/memberships?year=${YEAR}`,
    );
    expect(fixtureCluster.body.code).toBe('OUTSIDE_SUBTREE');
  });
});
