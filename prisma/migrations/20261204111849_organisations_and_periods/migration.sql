-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'ORG_ADMIN' AFTER 'ADMIN';

-- CreateEnum
CREATE TYPE "OrgKind" AS ENUM ('PARTY_COMMITTEE', 'PARTY_BOARD', 'PARTY_CELL', 'PEOPLES_COMMITTEE', 'STATE_AGENCY', 'MASS_ORGANISATION', 'ENTERPRISE');

-- AlterTable
ALTER TABLE "Award" ADD COLUMN     "movementCode" TEXT,
ADD COLUMN     "movementName" TEXT,
ADD COLUMN     "periodKind" "PeriodKind" NOT NULL DEFAULT 'YEAR',
ADD COLUMN     "periodQuarter" INTEGER,
ADD COLUMN     "periodStart" INTEGER;

-- AlterTable
ALTER TABLE "Nomination" ADD COLUMN     "movementCode" TEXT,
ADD COLUMN     "movementName" TEXT,
ADD COLUMN     "periodKind" "PeriodKind" NOT NULL DEFAULT 'YEAR',
ADD COLUMN     "periodQuarter" INTEGER,
ADD COLUMN     "periodStart" INTEGER,
ADD COLUMN     "proposalId" UUID;

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "documentProfile" JSONB,
ADD COLUMN     "orgKind" "OrgKind",
ADD COLUMN     "parentId" UUID,
ADD COLUMN     "path" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "Proposal" (
    "id" UUID NOT NULL,
    "number" TEXT,
    "title" TEXT NOT NULL,
    "proposerUnitId" UUID NOT NULL,
    "authorityUnitId" UUID NOT NULL,
    "formCode" TEXT NOT NULL,
    "movementCode" TEXT,
    "year" INTEGER NOT NULL,
    "periodKind" "PeriodKind" NOT NULL DEFAULT 'YEAR',
    "periodStart" INTEGER,
    "periodQuarter" INTEGER,
    "nominationIds" TEXT[],
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Proposal_proposerUnitId_idx" ON "Proposal"("proposerUnitId");

-- CreateIndex
CREATE INDEX "Unit_parentId_idx" ON "Unit"("parentId");

-- CreateIndex
CREATE INDEX "Unit_path_idx" ON "Unit"("path");

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Every existing unit is a top-level organisation until an administrator places it in the tree.
UPDATE "Unit" SET "path" = '/' || "id" || '/' WHERE "path" = '';

-- "One achievement, one award" is per achievement: the recipient, the form, the movement and the
-- period (a year, a quarter of a year, or a phase). A quarterly award of one movement and a phase
-- award of another are different achievements.
DROP INDEX "Award_one_per_achievement";
CREATE UNIQUE INDEX "Award_one_per_achievement"
  ON "Award" ("recipientKey", "formCode", COALESCE("movementCode", ''), "periodKind",
              COALESCE("periodStart", 0), "year", COALESCE("periodQuarter", 0), "achievement")
  WHERE "revokedAt" IS NULL AND "source" = 'DECISION';
