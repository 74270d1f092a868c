import {
  EnumProperty,
  MovementCodeProperty,
  NestedArrayProperty,
  TextProperty,
  UuidProperty,
} from '../../../common/dto-properties';
import { AwardPeriodDto } from '../../award-period.dto';
import {
  AwardPeriodProperty,
  FormCodeProperty,
  MovementNameProperty,
} from '../../commendation-properties';
import {
  DossierDocumentDto,
  NOMINEE_KINDS,
  type NomineeKind,
} from '../../nominations/dto/nomination.dto';

/** The most nominees one proposal list may carry. */
export const MAX_PROPOSAL_NOMINEES = 200;

/** One entry of a proposal list: a collective, an individual or a model of the proposer's
 * subtree, with its achievement and its own dossier files. */
export class ProposalNomineeDto {
  @EnumProperty({ values: NOMINEE_KINDS })
  nomineeKind!: NomineeKind;

  @UuidProperty({ optional: true, description: 'UNIT: your organisation or one beneath it' })
  nomineeUnitId?: string;

  @UuidProperty({
    optional: true,
    description: 'PERSON: a person of your organisation or one beneath it',
  })
  nomineePersonId?: string;

  @UuidProperty({ optional: true, description: 'INITIATIVE: a model registered in your subtree' })
  nomineeInitiativeId?: string;

  @TextProperty({ min: 10, max: 2000, example: 'Hoàn thành xuất sắc nhiệm vụ năm 2026' })
  achievement!: string;

  @NestedArrayProperty({
    of: DossierDocumentDto,
    optional: true,
    maxItems: 20,
    description: "This nominee's own files (e.g. its achievement report)",
  })
  documents?: DossierDocumentDto[];
}

/** A proposal list (tờ trình kèm danh sách): one request, one nomination per nominee. */
export class CreateProposalDto {
  @FormCodeProperty({ example: 'GK-DUK-DNTP', description: 'Award form code (GET /award-forms)' })
  formCode!: string;

  @TextProperty({
    min: 5,
    max: 500,
    printable: true,
    example: 'Tờ trình đề nghị tặng Giấy khen năm 2026',
  })
  title!: string;

  @TextProperty({
    optional: true,
    min: 1,
    max: 60,
    printable: true,
    example: '15-TTr/ĐU',
    description: "The memo's own number, if any",
  })
  number?: string;

  @MovementCodeProperty({
    optional: true,
    description: 'The movement (phong trào) of the achievements',
  })
  movementCode?: string;

  @MovementNameProperty()
  movementName?: string;

  @AwardPeriodProperty(
    'The period of the achievements: a year, a quarter or a phase (default: this year)',
  )
  period?: AwardPeriodDto;

  @NestedArrayProperty({
    of: DossierDocumentDto,
    maxItems: 20,
    description: 'The memo (tờ trình) and other files shared by every nomination of the list',
  })
  documents!: DossierDocumentDto[];

  @NestedArrayProperty({
    of: ProposalNomineeDto,
    minItems: 1,
    maxItems: MAX_PROPOSAL_NOMINEES,
  })
  nominees!: ProposalNomineeDto[];
}
