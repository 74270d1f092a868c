import { Module } from '@nestjs/common';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';

/** The people of each unit (individual nominees) and its headcount. */
@Module({
  controllers: [PeopleController],
  providers: [PeopleService],
})
export class PeopleModule {}
