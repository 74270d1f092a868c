import { Global, Module } from '@nestjs/common';
import { ClusterAccessService } from './cluster-access.service';
import { WorkflowUpdatesService } from './workflow-updates.service';

@Global()
@Module({
  providers: [WorkflowUpdatesService, ClusterAccessService],
  exports: [WorkflowUpdatesService, ClusterAccessService],
})
export class CommonModule {}
