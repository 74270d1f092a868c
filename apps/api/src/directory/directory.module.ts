import { Module } from '@nestjs/common';
import { ClustersController } from './clusters.controller';
import { ClustersService } from './clusters.service';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** The directory administrators keep: units, clusters and their yearly members, accounts. */
@Module({
  controllers: [UnitsController, ClustersController, UsersController],
  providers: [UnitsService, ClustersService, UsersService],
  exports: [ClustersService],
})
export class DirectoryModule {}
