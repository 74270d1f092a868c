import { Trim } from '../../common/trim.transform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { PrintableText } from '../../common/printable-text';
import { StepOpenedProperty } from '../../common/dto-properties';

export class AttachmentDto {
  @ApiProperty({ example: 'Báo cáo mô hình.pdf' })
  @IsString()
  @PrintableText()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'https://files.example.vn/mo-hinh-1.pdf' })
  @IsUrl({ require_protocol: true }, { message: 'url must be an http(s) URL with protocol' })
  url!: string;
}

export class InitiativeDto {
  @ApiProperty({
    enum: ['MODEL', 'SOLUTION', 'WORK'],
    description: 'Mô hình / giải pháp / công trình',
  })
  @IsIn(['MODEL', 'SOLUTION', 'WORK'])
  kind!: 'MODEL' | 'SOLUTION' | 'WORK';

  @ApiProperty({ example: 'Kinh tế', description: 'Lĩnh vực' })
  @Trim()
  @IsString()
  @Length(2, 100)
  field!: string;

  @ApiProperty({ description: 'New this year (true) or continued (false)' })
  @IsBoolean()
  isNew!: boolean;

  @ApiProperty({ enum: ['COLLECTIVE', 'INDIVIDUAL'] })
  @IsIn(['COLLECTIVE', 'INDIVIDUAL'])
  ownerType!: 'COLLECTIVE' | 'INDIVIDUAL';

  @ApiProperty({ example: 'Chi bộ Phòng Khách hàng' })
  @Trim()
  @IsString()
  @Length(2, 200)
  ownerName!: string;

  @ApiProperty({ example: 'Mô hình "Ngân hàng thân thiện với người dân"' })
  @Trim()
  @IsString()
  @PrintableText()
  @Length(5, 300)
  title!: string;

  @ApiProperty()
  @Trim()
  @IsString()
  @Length(10, 5000)
  description!: string;

  @ApiPropertyOptional({ type: [AttachmentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  // ValidateNested lets an element that is itself an array (`[[]]`) through unvalidated.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments: AttachmentDto[] = [];
}

export class SubmitRegistrationDto {
  @ApiProperty({ format: 'uuid', description: 'Your own unit' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({
    type: [String],
    example: ['Tập thể lao động xuất sắc'],
    description: 'Titles aimed for',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(3, 200, { each: true })
  titles!: string[];

  @ApiProperty({ type: [InitiativeDto] })
  @IsArray()
  @ArrayMaxSize(200)
  // ValidateNested lets an element that is itself an array (`[[]]`) through unvalidated.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => InitiativeDto)
  initiatives!: InitiativeDto[];
}

export class LateRegistrationDto extends SubmitRegistrationDto {
  @ApiProperty({ example: 'Đơn vị tổ chức đại hội nên chậm đăng ký' })
  @Trim()
  @IsString()
  @Length(10, 2000)
  reason!: string;
}

export class LateDecisionDto {
  @ApiProperty()
  @IsBoolean()
  approve!: boolean;

  @ApiProperty({ example: 'Đồng ý cho đăng ký muộn' })
  @Trim()
  @IsString()
  @Length(3, 2000)
  note!: string;
}

export class ComplianceUnitDto {
  @ApiProperty() unitId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({
    enum: ['NOT_REGISTERED', 'SUBMITTED', 'LATE_PENDING', 'LATE_APPROVED', 'LATE_REJECTED'],
  })
  status!: string;
  @ApiProperty() late!: boolean;
  @ApiProperty() revision!: number;
  @ApiProperty({ nullable: true, type: String }) at!: string | null;
  @ApiProperty() initiativeCount!: number;
}

export class ComplianceDto {
  @ApiProperty() cycleId!: string;
  @StepOpenedProperty() opened!: boolean;
  @ApiProperty({ nullable: true, type: String }) deadlineAt!: string | null;
  @ApiProperty() closed!: boolean;
  @ApiProperty() memberCount!: number;
  @ApiProperty() registeredCount!: number;
  @ApiProperty() registeredPercent!: number;
  @ApiProperty({ description: 'The pledge target: 100% of units register' }) targetPercent!: number;
  @ApiProperty() targetMet!: boolean;
  @ApiProperty({ type: [String] }) pendingLate!: string[];
  @ApiProperty({ type: [String] }) missingAtDeadline!: string[];
  @ApiProperty({ type: [ComplianceUnitDto] }) units!: ComplianceUnitDto[];
}

export class RegisteredInitiativeDto {
  @ApiProperty({
    format: 'uuid',
    description: "The model's id: GET /models/{id}, and nomineeInitiativeId when nominating it",
  })
  id!: string;
  @ApiProperty({ enum: ['MODEL', 'SOLUTION', 'WORK'] }) kind!: string;
  @ApiProperty({ description: 'Lĩnh vực' }) field!: string;
  @ApiProperty() isNew!: boolean;
  @ApiProperty({ enum: ['COLLECTIVE', 'INDIVIDUAL'] }) ownerType!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [AttachmentDto] }) attachments!: unknown;
}

/** A unit's registration as stored, with its models, solutions and works. */
export class RegistrationRecordDto {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: ['SUBMITTED', 'LATE_PENDING', 'LATE_APPROVED', 'LATE_REJECTED'] })
  status!: string;
  @ApiProperty() late!: boolean;
  @ApiProperty({ nullable: true, type: String }) lateReason!: string | null;
  @ApiProperty({ type: [String] }) titles!: string[];
  @ApiProperty() revision!: number;
  @ApiProperty() submittedAt!: string;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionNote!: string | null;
  @ApiProperty({ type: [RegisteredInitiativeDto] }) initiatives!: RegisteredInitiativeDto[];
}
