import { Module } from '@nestjs/common';
import { RuleSetsController } from './rule-sets.controller';
import { RuleSetsService } from './rule-sets.service';

@Module({ controllers: [RuleSetsController], providers: [RuleSetsService] })
export class RuleSetsModule {}
