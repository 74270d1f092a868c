import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';

@Injectable()
export class UserRepository {
  constructor(private readonly prisma: PrismaService) {}

  findByUsername(username: string) {
    return this.prisma.user.findUnique({ where: { username }, include: { unit: true } });
  }

  findById(id: string) {
    return this.prisma.user.findUnique({ where: { id }, include: { unit: true } });
  }

  /** The unit's clusters in a year, with its role there (HEAD / DEPUTY / MEMBER). */
  clusterMembershipsOf(unitId: string, year: number) {
    return this.prisma.clusterMembership.findMany({
      where: { unitId, year },
      include: { cluster: { select: { code: true, name: true } } },
      orderBy: { cluster: { code: 'asc' } },
    });
  }
}
