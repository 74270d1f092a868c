import { Global, Module } from '@nestjs/common';
import { DocumentSealService } from './document-seal.service';

/** The document seal, one per API process (its key is read, or made, once). */
@Global()
@Module({ providers: [DocumentSealService], exports: [DocumentSealService] })
export class DocumentSealModule {}
