-- CreateEnum
CREATE TYPE "PhaseCode" AS ENUM ('PLEDGE_SIGNING', 'REGISTRATION', 'INTERIM_REVIEW', 'FINAL_REVIEW', 'VOTE', 'NOMINATION', 'COMMENDATION', 'ELECTION');

-- CreateEnum
CREATE TYPE "PhaseStatus" AS ENUM ('PENDING', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "RegistrationStatus" AS ENUM ('SUBMITTED', 'LATE_PENDING', 'LATE_APPROVED', 'LATE_REJECTED');

-- CreateEnum
CREATE TYPE "InitiativeKind" AS ENUM ('MODEL', 'SOLUTION', 'WORK');

-- CreateEnum
CREATE TYPE "OwnerType" AS ENUM ('COLLECTIVE', 'INDIVIDUAL');

-- CreateEnum
CREATE TYPE "AssessmentStage" AS ENUM ('INTERIM', 'FINAL');

-- CreateEnum
CREATE TYPE "BallotKind" AS ENUM ('VOTE', 'ELECTION');

-- AlterTable
ALTER TABLE "EmulationCycle" ADD COLUMN     "ruleSetId" UUID,
ADD COLUMN     "rules" JSONB,
ADD COLUMN     "workflowId" TEXT;

-- AlterTable
ALTER TABLE "SigningRound" ALTER COLUMN "openedById" DROP NOT NULL;

-- CreateTable
CREATE TABLE "RuleSet" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RuleSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Holiday" (
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "CyclePhase" (
    "id" UUID NOT NULL,
    "cycleId" UUID NOT NULL,
    "phase" "PhaseCode" NOT NULL,
    "opensOn" DATE NOT NULL,
    "closesOn" DATE NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "status" "PhaseStatus" NOT NULL DEFAULT 'PENDING',
    "openedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "CyclePhase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Registration" (
    "id" UUID NOT NULL,
    "cycleId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "status" "RegistrationStatus" NOT NULL,
    "titles" TEXT[],
    "late" BOOLEAN NOT NULL DEFAULT false,
    "lateReason" TEXT,
    "submittedById" UUID NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,

    CONSTRAINT "Registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Initiative" (
    "id" UUID NOT NULL,
    "registrationId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "InitiativeKind" NOT NULL,
    "field" TEXT NOT NULL,
    "isNew" BOOLEAN NOT NULL,
    "ownerType" "OwnerType" NOT NULL,
    "ownerName" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "attachments" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "Initiative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressReport" (
    "id" UUID NOT NULL,
    "cycleId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "items" JSONB NOT NULL,
    "submittedById" UUID NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProgressReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" UUID NOT NULL,
    "cycleId" UUID NOT NULL,
    "stage" "AssessmentStage" NOT NULL,
    "assessorUnitId" UUID NOT NULL,
    "subjectUnitId" UUID NOT NULL,
    "scores" JSONB NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "evidence" TEXT,
    "submittedById" UUID NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConflictDeclaration" (
    "id" UUID NOT NULL,
    "cycleId" UUID NOT NULL,
    "stage" "AssessmentStage" NOT NULL,
    "assessorUnitId" UUID NOT NULL,
    "subjectUnitId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "declaredById" UUID NOT NULL,
    "declaredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConflictDeclaration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" UUID NOT NULL,
    "cycleId" UUID NOT NULL,
    "kind" "BallotKind" NOT NULL,
    "voterUnitId" UUID NOT NULL,
    "content" JSONB NOT NULL,
    "written" BOOLEAN NOT NULL DEFAULT false,
    "recordedById" UUID NOT NULL,
    "castAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CycleOutcome" (
    "cycleId" UUID NOT NULL,
    "ranking" JSONB,
    "divergent" JSONB,
    "interimProgress" JSONB,
    "vote" JSONB,
    "acclaimedUnitIds" TEXT[],
    "minutes" TEXT,
    "election" JSONB,
    "electedHeadUnitId" UUID,
    "electedDeputyUnitId" UUID,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "CycleOutcome_pkey" PRIMARY KEY ("cycleId")
);

-- CreateTable
CREATE TABLE "CycleSchedule" (
    "id" TEXT NOT NULL,
    "clusterId" UUID NOT NULL,
    "movementCode" TEXT NOT NULL,
    "movementName" TEXT NOT NULL,
    "ruleSetCode" TEXT NOT NULL,
    "calendarScale" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CycleSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RuleSet_code_version_key" ON "RuleSet"("code", "version");

-- CreateIndex
CREATE UNIQUE INDEX "CyclePhase_cycleId_phase_key" ON "CyclePhase"("cycleId", "phase");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_cycleId_unitId_key" ON "Registration"("cycleId", "unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Initiative_registrationId_position_key" ON "Initiative"("registrationId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressReport_cycleId_unitId_key" ON "ProgressReport"("cycleId", "unitId");

-- CreateIndex
CREATE INDEX "Assessment_cycleId_stage_subjectUnitId_idx" ON "Assessment"("cycleId", "stage", "subjectUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_cycleId_stage_assessorUnitId_subjectUnitId_key" ON "Assessment"("cycleId", "stage", "assessorUnitId", "subjectUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "ConflictDeclaration_cycleId_stage_assessorUnitId_subjectUni_key" ON "ConflictDeclaration"("cycleId", "stage", "assessorUnitId", "subjectUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_cycleId_kind_voterUnitId_key" ON "Ballot"("cycleId", "kind", "voterUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "CycleSchedule_clusterId_movementCode_key" ON "CycleSchedule"("clusterId", "movementCode");

-- CreateIndex
CREATE UNIQUE INDEX "EmulationCycle_workflowId_key" ON "EmulationCycle"("workflowId");

-- AddForeignKey
ALTER TABLE "EmulationCycle" ADD CONSTRAINT "EmulationCycle_ruleSetId_fkey" FOREIGN KEY ("ruleSetId") REFERENCES "RuleSet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CyclePhase" ADD CONSTRAINT "CyclePhase_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "EmulationCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "EmulationCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleOutcome" ADD CONSTRAINT "CycleOutcome_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "EmulationCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
