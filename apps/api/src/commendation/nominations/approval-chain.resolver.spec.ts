import type { LoadedAwardFormRecord, NominationSubmissionRepository } from '@epw/data-access';
import { DEFAULT_AWARD_FORMS, type AwardFormContent, type ChainStepDefinition } from '@epw/domain';
import { ApprovalChainResolver } from './approval-chain.resolver';

const units: Record<string, { id: string; name: string; path: string; parentId: string | null }> = {
  city: { id: 'city', name: 'Thành ủy', path: '/city/', parentId: null },
  district: { id: 'district', name: 'Quận ủy', path: '/city/district/', parentId: 'city' },
  ward: { id: 'ward', name: 'Đảng ủy Phường', path: '/city/district/ward/', parentId: 'district' },
  member: { id: 'member', name: 'Đảng ủy Khối', path: '/city/member/', parentId: 'city' },
  head: { id: 'head', name: 'Cụm trưởng', path: '/city/head/', parentId: 'city' },
};

const repo = {
  findUnit: (id: string) => Promise.resolve(units[id] ?? null),
  councilMemberIds: () => Promise.resolve(['hd1', 'hd2']),
  clusterLeadersOf: (unitId: string) =>
    Promise.resolve(
      unitId === 'member' || unitId === 'head'
        ? [{ role: 'HEAD', unitId: 'head', unit: { id: 'head', name: 'Cụm trưởng' } }]
        : null,
    ),
} as unknown as NominationSubmissionRepository;

const formOf = (code: string, chain?: ChainStepDefinition[]): LoadedAwardFormRecord => {
  const content = DEFAULT_AWARD_FORMS.find((f) => f.code === code) as AwardFormContent;
  return {
    id: code,
    version: 1,
    content: chain ? { ...content, chain } : content,
    authority: { id: 'ubnd', code: 'UBND-TP', name: 'Ủy ban nhân dân Thành phố' },
  };
};

describe(ApprovalChainResolver.name, () => {
  const resolver = new ApprovalChainResolver(repo);

  it('skips the cluster step for a unit in no cluster, straight to the deciding board', async () => {
    const steps = await resolver.resolve(formOf('BK-UBND'), 'district', 'ward', 2026);
    expect(steps.map((s) => [s.key, s.actorUnitId])).toEqual([
      ['unit-head', 'district'],
      ['appraisal', 'ubnd'],
      ['posting', 'ubnd'],
      ['council-vote', 'ubnd'],
    ]);
  });

  it("keeps the cluster step for a cluster member's nomination", async () => {
    const steps = await resolver.resolve(formOf('BK-UBND'), 'member', 'member', 2026);
    expect(steps.find((s) => s.key === 'cluster-head')?.actorUnitId).toBe('head');
  });

  it("resolves PARENT_ORG to the signers of the proposer's direct superior", async () => {
    const base = formOf('BK-UBND');
    const chain: ChainStepDefinition[] = [
      base.content.chain[0],
      { ...base.content.chain[0], key: 'parent', actor: 'PARENT_ORG' },
      base.content.chain[2],
    ];
    const steps = await resolver.resolve(formOf('BK-UBND', chain), 'ward', 'ward', 2026);
    expect(steps[1]).toMatchObject({
      actorUnitId: 'district',
      actorUnitName: 'Quận ủy',
      actorRole: 'UNIT_SIGNER',
    });
    await expect(
      resolver.resolve(formOf('BK-UBND', chain), 'city', 'city', 2026),
    ).rejects.toMatchObject({ code: 'AWARD_FORM_INVALID' });
  });
});
