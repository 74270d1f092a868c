import { Module } from '@nestjs/common';
import { ModelsController } from './models.controller';
import { ModelsService } from './models.service';

/** Models, solutions and works as first-class records, with their recognition history. */
@Module({
  controllers: [ModelsController],
  providers: [ModelsService],
})
export class ModelsModule {}
