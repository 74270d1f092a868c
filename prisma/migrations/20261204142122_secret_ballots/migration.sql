-- Issue 19: secret council ballots. Who voted (CouncilVoteParticipation) is kept apart from the
-- anonymous tally of each vote (CouncilVoteTally: counts only, no voter, no time, no row per
-- ballot). The ballots recorded before move into the new shape and the member → choice link is
-- dropped with the old table.

-- CreateTable
CREATE TABLE "CouncilVoteParticipation" (
    "id" UUID NOT NULL,
    "nominationId" UUID NOT NULL,
    "stepIndex" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "memberUserId" UUID NOT NULL,
    "written" BOOLEAN NOT NULL DEFAULT false,
    "recordedById" UUID NOT NULL,
    "votedAt" TIMESTAMP(3) NOT NULL,
    "eventKey" TEXT NOT NULL,

    CONSTRAINT "CouncilVoteParticipation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CouncilVoteTally" (
    "nominationId" UUID NOT NULL,
    "stepIndex" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "approvals" INTEGER NOT NULL DEFAULT 0,
    "rejections" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CouncilVoteTally_pkey" PRIMARY KEY ("nominationId","stepIndex","round")
);

-- The vote each old ballot belonged to: its step from the ballot's audit entry (same event key),
-- its round from the vote's recorded result at that step, else the nomination's current ones.
CREATE TEMPORARY TABLE "_old_ballot" AS
SELECT b."nominationId", b."memberUserId", b."approve", b."written", b."recordedById",
       b."castAt", b."eventKey",
       COALESCE((a."payload"->>'stepIndex')::int, n."currentStep") AS "stepIndex",
       n."round" AS "nominationRound"
FROM "CouncilBallot" b
JOIN "Nomination" n ON n."id" = b."nominationId"
LEFT JOIN "AuditLog" a ON a."eventKey" = b."eventKey";

UPDATE "_old_ballot" o SET "nominationRound" = r."round"
FROM (
  SELECT "nominationId", "stepIndex", max("round") AS "round" FROM "NominationAction"
  WHERE "action" IN ('VOTE_PASSED', 'VOTE_FAILED') GROUP BY "nominationId", "stepIndex"
) r
WHERE r."nominationId" = o."nominationId" AND r."stepIndex" = o."stepIndex";

INSERT INTO "CouncilVoteParticipation"
  ("id", "nominationId", "stepIndex", "round", "memberUserId", "written", "recordedById", "votedAt", "eventKey")
SELECT gen_random_uuid(), "nominationId", "stepIndex", "nominationRound", "memberUserId", "written",
       "recordedById", "castAt", "eventKey"
FROM "_old_ballot";

INSERT INTO "CouncilVoteTally" ("nominationId", "stepIndex", "round", "approvals", "rejections")
SELECT "nominationId", "stepIndex", "nominationRound",
       count(*) FILTER (WHERE "approve"), count(*) FILTER (WHERE NOT "approve")
FROM "_old_ballot"
GROUP BY "nominationId", "stepIndex", "nominationRound";

-- DropForeignKey
ALTER TABLE "CouncilBallot" DROP CONSTRAINT "CouncilBallot_nominationId_fkey";

-- DropTable
DROP TABLE "CouncilBallot";
DROP TABLE "_old_ballot";

-- CreateIndex
CREATE UNIQUE INDEX "CouncilVoteParticipation_eventKey_key" ON "CouncilVoteParticipation"("eventKey");

-- CreateIndex
CREATE UNIQUE INDEX "CouncilVoteParticipation_nominationId_stepIndex_round_membe_key" ON "CouncilVoteParticipation"("nominationId", "stepIndex", "round", "memberUserId");

-- AddForeignKey
ALTER TABLE "CouncilVoteParticipation" ADD CONSTRAINT "CouncilVoteParticipation_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilVoteTally" ADD CONSTRAINT "CouncilVoteTally_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
