-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN     "councilUnitId" UUID;

-- AddForeignKey
ALTER TABLE "Cluster" ADD CONSTRAINT "Cluster_councilUnitId_fkey" FOREIGN KEY ("councilUnitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;
