import { Module } from '@nestjs/common';
import { ClustersController } from './clusters.controller';
import { ClustersService } from './clusters.service';
import { OrganisationsController } from './organisations.controller';
import { SubtreeAccess } from './subtree-access';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** The directory administrators keep: the organisation tree of units, clusters and their yearly
 * members, accounts; an organisation administrator keeps the part beneath their organisation. */
@Module({
  controllers: [UnitsController, ClustersController, UsersController, OrganisationsController],
  providers: [UnitsService, ClustersService, UsersService, SubtreeAccess],
  exports: [ClustersService, SubtreeAccess, UsersService],
})
export class DirectoryModule {}
