import { Module } from '@nestjs/common';
import { PublicObjectionThrottleService } from './public-objection-throttle.service';
import { PublicObjectionsController } from './public-objections.controller';
import { PublicObjectionsService } from './public-objections.service';

/** Objections filed from the public posting page, without an account. */
@Module({
  controllers: [PublicObjectionsController],
  providers: [PublicObjectionsService, PublicObjectionThrottleService],
})
export class PublicObjectionsModule {}
