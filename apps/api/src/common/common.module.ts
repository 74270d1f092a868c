import { Global, Module } from '@nestjs/common';
import { ClusterAccessService } from './cluster-access.service';
import { ReadAccessService } from './read-access.service';
import { WorkflowUpdatesService } from './workflow-updates.service';

@Global()
@Module({
  providers: [WorkflowUpdatesService, ClusterAccessService, ReadAccessService],
  exports: [WorkflowUpdatesService, ClusterAccessService, ReadAccessService],
})
export class CommonModule {}
