-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('MEMBER', 'AUTHORITY');

-- CreateEnum
CREATE TYPE "RecognitionLevel" AS ENUM ('BASE', 'BLOC', 'DISTRICT', 'PROVINCE', 'CENTRAL');

-- CreateEnum
CREATE TYPE "NomineeKind" AS ENUM ('UNIT', 'PERSON', 'INITIATIVE');

-- CreateEnum
CREATE TYPE "NominationStatus" AS ENUM ('IN_REVIEW', 'RETURNED', 'POSTED', 'VOTING', 'AWAITING_DECISION', 'AWARDED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "DecisionStatus" AS ENUM ('DRAFT', 'ISSUED');

-- CreateEnum
CREATE TYPE "AwardSource" AS ENUM ('DECISION', 'HISTORY');

-- AlterTable
ALTER TABLE "Deadline" ADD COLUMN     "escalateRole" "Role",
ADD COLUMN     "recipientRole" "Role";

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "kind" "UnitKind" NOT NULL DEFAULT 'MEMBER',
ADD COLUMN     "level" "RecognitionLevel";

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "fullName" TEXT NOT NULL,
    "position" TEXT,
    "birthYear" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AwardForm" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "level" "RecognitionLevel" NOT NULL,
    "authorityUnitId" UUID NOT NULL,
    "content" JSONB NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AwardForm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Nomination" (
    "id" UUID NOT NULL,
    "workflowId" TEXT NOT NULL,
    "awardFormId" UUID NOT NULL,
    "formCode" TEXT NOT NULL,
    "level" "RecognitionLevel" NOT NULL,
    "authorityUnitId" UUID NOT NULL,
    "cycleId" UUID,
    "year" INTEGER NOT NULL,
    "nomineeKind" "NomineeKind" NOT NULL,
    "nomineeUnitId" UUID,
    "nomineePersonId" UUID,
    "nomineeInitiativeId" UUID,
    "nomineeKey" TEXT NOT NULL,
    "nomineeName" TEXT NOT NULL,
    "unitId" UUID NOT NULL,
    "proposerUnitId" UUID NOT NULL,
    "proposedById" UUID NOT NULL,
    "achievement" TEXT NOT NULL,
    "achievementKey" TEXT NOT NULL,
    "status" "NominationStatus" NOT NULL DEFAULT 'IN_REVIEW',
    "currentStep" INTEGER NOT NULL DEFAULT 0,
    "currentStepKey" TEXT,
    "round" INTEGER NOT NULL DEFAULT 1,
    "stateSeq" INTEGER NOT NULL DEFAULT 0,
    "chain" JSONB NOT NULL,
    "stepDueAt" TIMESTAMP(3),
    "postedFrom" TIMESTAMP(3),
    "postedUntil" TIMESTAMP(3),
    "voteTally" JSONB,
    "voteMinutes" TEXT,
    "closedReason" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Nomination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DossierDocument" (
    "id" UUID NOT NULL,
    "nominationId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "uploadedById" UUID NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DossierDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NominationAction" (
    "id" UUID NOT NULL,
    "nominationId" UUID NOT NULL,
    "stepIndex" INTEGER NOT NULL,
    "stepKey" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "reason" TEXT,
    "actorUserId" UUID,
    "actorUnitId" UUID,
    "at" TIMESTAMP(3) NOT NULL,
    "eventKey" TEXT NOT NULL,

    CONSTRAINT "NominationAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Objection" (
    "id" UUID NOT NULL,
    "nominationId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "filedById" UUID NOT NULL,
    "filedAt" TIMESTAMP(3) NOT NULL,
    "upheld" BOOLEAN,
    "resolution" TEXT,
    "resolvedById" UUID,
    "resolvedAt" TIMESTAMP(3),
    "eventKey" TEXT NOT NULL,

    CONSTRAINT "Objection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CouncilBallot" (
    "id" UUID NOT NULL,
    "nominationId" UUID NOT NULL,
    "memberUserId" UUID NOT NULL,
    "approve" BOOLEAN NOT NULL,
    "written" BOOLEAN NOT NULL DEFAULT false,
    "recordedById" UUID NOT NULL,
    "castAt" TIMESTAMP(3) NOT NULL,
    "eventKey" TEXT NOT NULL,

    CONSTRAINT "CouncilBallot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "signedOn" DATE NOT NULL,
    "authorityUnitId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "ceremonyName" TEXT,
    "ceremonyOn" DATE,
    "signerName" TEXT,
    "signerTitle" TEXT NOT NULL,
    "status" "DecisionStatus" NOT NULL DEFAULT 'DRAFT',
    "nominationIds" TEXT[],
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedById" UUID,
    "issuedAt" TIMESTAMP(3),

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Award" (
    "id" UUID NOT NULL,
    "source" "AwardSource" NOT NULL DEFAULT 'DECISION',
    "decisionId" UUID,
    "nominationId" UUID,
    "formCode" TEXT NOT NULL,
    "formName" TEXT NOT NULL,
    "level" "RecognitionLevel" NOT NULL,
    "authorityUnitId" UUID,
    "year" INTEGER NOT NULL,
    "recipientKind" "NomineeKind" NOT NULL,
    "recipientUnitId" UUID,
    "recipientPersonId" UUID,
    "recipientInitiativeId" UUID,
    "recipientKey" TEXT NOT NULL,
    "recipientName" TEXT NOT NULL,
    "unitId" UUID NOT NULL,
    "achievement" TEXT NOT NULL,
    "decisionNumber" TEXT,
    "decisionDate" DATE,
    "serial" TEXT,
    "verificationCode" TEXT,
    "revokedAt" TIMESTAMP(3),
    "revokedById" UUID,
    "revocationReason" TEXT,
    "recoveredAt" TIMESTAMP(3),
    "recoveryNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Award_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Person_unitId_idx" ON "Person"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "AwardForm_code_version_key" ON "AwardForm"("code", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Nomination_workflowId_key" ON "Nomination"("workflowId");

-- CreateIndex
CREATE INDEX "Nomination_status_authorityUnitId_idx" ON "Nomination"("status", "authorityUnitId");

-- CreateIndex
CREATE INDEX "Nomination_unitId_formCode_year_idx" ON "Nomination"("unitId", "formCode", "year");

-- CreateIndex
CREATE INDEX "Nomination_nomineeKey_idx" ON "Nomination"("nomineeKey");

-- CreateIndex
CREATE INDEX "DossierDocument_nominationId_kind_idx" ON "DossierDocument"("nominationId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "NominationAction_eventKey_key" ON "NominationAction"("eventKey");

-- CreateIndex
CREATE INDEX "NominationAction_nominationId_at_idx" ON "NominationAction"("nominationId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Objection_eventKey_key" ON "Objection"("eventKey");

-- CreateIndex
CREATE UNIQUE INDEX "CouncilBallot_eventKey_key" ON "CouncilBallot"("eventKey");

-- CreateIndex
CREATE UNIQUE INDEX "CouncilBallot_nominationId_memberUserId_key" ON "CouncilBallot"("nominationId", "memberUserId");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_authorityUnitId_number_key" ON "Decision"("authorityUnitId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Award_nominationId_key" ON "Award"("nominationId");

-- CreateIndex
CREATE UNIQUE INDEX "Award_serial_key" ON "Award"("serial");

-- CreateIndex
CREATE UNIQUE INDEX "Award_verificationCode_key" ON "Award"("verificationCode");

-- CreateIndex
CREATE INDEX "Award_recipientKey_formCode_idx" ON "Award"("recipientKey", "formCode");

-- CreateIndex
CREATE INDEX "Award_unitId_year_idx" ON "Award"("unitId", "year");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_awardFormId_fkey" FOREIGN KEY ("awardFormId") REFERENCES "AwardForm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierDocument" ADD CONSTRAINT "DossierDocument_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NominationAction" ADD CONSTRAINT "NominationAction_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilBallot" ADD CONSTRAINT "CouncilBallot_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- "One achievement, one award" (Law 06/2022/QH15): one live nomination per nominee and achievement.
-- Rejected and withdrawn nominations do not count, so an achievement can be proposed again.
CREATE UNIQUE INDEX "Nomination_one_achievement_one_award"
  ON "Nomination" ("nomineeKey", "achievementKey")
  WHERE "status" NOT IN ('REJECTED', 'WITHDRAWN');

-- An award is given once per recipient and achievement, whatever path it came by.
CREATE UNIQUE INDEX "Award_one_per_achievement"
  ON "Award" ("recipientKey", "formCode", "year", "achievement")
  WHERE "revokedAt" IS NULL AND "source" = 'DECISION';
