import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';

/** The health check's one question to PostgreSQL. */
@Injectable()
export class DatabaseHealthRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Resolves when PostgreSQL answers a trivial query. */
  async ping(): Promise<void> {
    await this.prisma.$queryRaw`SELECT 1`;
  }
}
