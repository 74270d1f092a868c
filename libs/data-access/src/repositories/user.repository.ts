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
}
