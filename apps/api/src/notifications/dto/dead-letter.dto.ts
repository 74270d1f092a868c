import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A delivery or reminder job parked after its last retry. */
export class DeadLetterDto {
  @ApiProperty({ description: 'Id of the dead-letter job (what retry takes)' }) id!: string;
  @ApiProperty({ example: 'deliver-webhook', description: 'The queue the job failed on' })
  queue!: string;
  @ApiPropertyOptional({ description: 'Id of the failed job in its queue' }) jobId?: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The failed job: a delivery or a reminder',
  })
  data!: object;
  @ApiProperty({ example: 'webhook answered 500' }) error!: string;
  @ApiProperty() failedAt!: string;
}

export class DeadLetterRetriedDto {
  @ApiProperty({ description: 'Id of the dead-letter job sent again' }) retried!: string;
}
