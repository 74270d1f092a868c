-- CreateSchema

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'UNIT_OFFICER', 'UNIT_SIGNER', 'REVIEWER', 'COUNCIL_MEMBER', 'AUTHORITY');

-- CreateEnum
CREATE TYPE "ClusterRole" AS ENUM ('HEAD', 'DEPUTY', 'MEMBER');

-- CreateEnum
CREATE TYPE "PeriodKind" AS ENUM ('YEAR', 'QUARTER', 'PHASE');

-- CreateEnum
CREATE TYPE "CycleStatus" AS ENUM ('PLANNED', 'ACTIVE', 'CLOSED');

-- CreateEnum
CREATE TYPE "SigningRoundStatus" AS ENUM ('OPEN', 'OVERDUE', 'AWAITING_COUNTERSIGN', 'EFFECTIVE');

-- CreateEnum
CREATE TYPE "SignatureDecision" AS ENUM ('SIGNED', 'DECLINED');

-- CreateTable
CREATE TABLE "Unit" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "headcount" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cluster" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "organizer" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Cluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterMembership" (
    "id" UUID NOT NULL,
    "clusterId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "role" "ClusterRole" NOT NULL DEFAULT 'MEMBER',
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ClusterMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "email" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "unitId" UUID,
    "roles" "Role"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmulationCycle" (
    "id" UUID NOT NULL,
    "clusterId" UUID NOT NULL,
    "movementCode" TEXT NOT NULL,
    "movementName" TEXT NOT NULL,
    "periodKind" "PeriodKind" NOT NULL,
    "periodLabel" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "calendarScale" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "calendarEpoch" TIMESTAMP(3) NOT NULL,
    "status" "CycleStatus" NOT NULL DEFAULT 'PLANNED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmulationCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pledge" (
    "id" UUID NOT NULL,
    "cycleId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "documents" TEXT[],
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "effectiveAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Pledge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PledgeVersion" (
    "id" UUID NOT NULL,
    "pledgeId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "reason" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PledgeVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PledgeItem" (
    "id" UUID NOT NULL,
    "pledgeVersionId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "PledgeItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SigningRound" (
    "id" TEXT NOT NULL,
    "cycleId" UUID NOT NULL,
    "status" "SigningRoundStatus" NOT NULL DEFAULT 'OPEN',
    "deadlineAt" TIMESTAMP(3) NOT NULL,
    "openedById" UUID NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "overdueAt" TIMESTAMP(3),
    "missingUnitIds" TEXT[],
    "countersignedById" UUID,
    "countersignedAt" TIMESTAMP(3),
    "effectiveVersion" INTEGER,

    CONSTRAINT "SigningRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PledgeSignature" (
    "id" UUID NOT NULL,
    "roundId" TEXT NOT NULL,
    "unitId" UUID NOT NULL,
    "pledgeVersion" INTEGER NOT NULL,
    "decision" "SignatureDecision" NOT NULL,
    "reason" TEXT,
    "actorUserId" UUID NOT NULL,
    "actedAt" TIMESTAMP(3) NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "invalidatedAt" TIMESTAMP(3),
    "invalidatedByVersion" INTEGER,
    "eventKey" TEXT NOT NULL,

    CONSTRAINT "PledgeSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "actorUserId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "eventKey" TEXT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Cluster_code_key" ON "Cluster"("code");

-- CreateIndex
CREATE INDEX "ClusterMembership_unitId_year_idx" ON "ClusterMembership"("unitId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "ClusterMembership_clusterId_unitId_year_key" ON "ClusterMembership"("clusterId", "unitId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "EmulationCycle_clusterId_movementCode_periodLabel_key" ON "EmulationCycle"("clusterId", "movementCode", "periodLabel");

-- CreateIndex
CREATE UNIQUE INDEX "Pledge_cycleId_key" ON "Pledge"("cycleId");

-- CreateIndex
CREATE UNIQUE INDEX "PledgeVersion_pledgeId_version_key" ON "PledgeVersion"("pledgeId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "PledgeItem_pledgeVersionId_position_key" ON "PledgeItem"("pledgeVersionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "SigningRound_cycleId_key" ON "SigningRound"("cycleId");

-- CreateIndex
CREATE UNIQUE INDEX "PledgeSignature_eventKey_key" ON "PledgeSignature"("eventKey");

-- CreateIndex
CREATE INDEX "PledgeSignature_roundId_unitId_idx" ON "PledgeSignature"("roundId", "unitId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditLog_eventKey_key" ON "AuditLog"("eventKey");

-- CreateIndex
CREATE UNIQUE INDEX "AuditLog_hash_key" ON "AuditLog"("hash");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- AddForeignKey
ALTER TABLE "ClusterMembership" ADD CONSTRAINT "ClusterMembership_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterMembership" ADD CONSTRAINT "ClusterMembership_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmulationCycle" ADD CONSTRAINT "EmulationCycle_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "EmulationCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeVersion" ADD CONSTRAINT "PledgeVersion_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeItem" ADD CONSTRAINT "PledgeItem_pledgeVersionId_fkey" FOREIGN KEY ("pledgeVersionId") REFERENCES "PledgeVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SigningRound" ADD CONSTRAINT "SigningRound_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "EmulationCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeSignature" ADD CONSTRAINT "PledgeSignature_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "SigningRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeSignature" ADD CONSTRAINT "PledgeSignature_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The audit log is append-only: refuse UPDATE, DELETE and TRUNCATE at the database.
-- Prisma does not model triggers, so the drift test ignores them by design.
CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER "AuditLog_no_truncate"
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
