using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TakedownDesk.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class LocationChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "RequestId",
                table: "StaffAlerts",
                type: "uniqueidentifier",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uniqueidentifier");

            migrationBuilder.AddColumn<Guid>(
                name: "CaseId",
                table: "StaffAlerts",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OnlineAfterDeadlineFirstAtUtc",
                table: "RequestItems",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OnlineAfterDeadlineLastAtUtc",
                table: "RequestItems",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReappearedAtUtc",
                table: "RequestItems",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConsecutiveGoneAnswers",
                table: "Locations",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LastCheckAnswer",
                table: "Locations",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LastCheckStatusCode",
                table: "Locations",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastCheckedAtUtc",
                table: "Locations",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextCheckAtUtc",
                table: "Locations",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReappearedAtUtc",
                table: "Locations",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LocationChecksOn",
                table: "Cases",
                type: "bit",
                nullable: false,
                defaultValue: true);

            // Locations recorded before checks existed are due at once (checks are on for every existing case).
            // EXEC defers compiling the UPDATE, so an idempotent script's batch compiles before the column exists.
            migrationBuilder.Sql("EXEC(N'UPDATE [Locations] SET [NextCheckAtUtc] = [AddedAtUtc]')");

            migrationBuilder.CreateTable(
                name: "LocationChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LocationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VictimId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Answer = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    StatusCode = table.Column<int>(type: "int", nullable: true),
                    CheckedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FinalUrl = table.Column<byte[]>(type: "varbinary(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocationChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LocationChecks_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Locations_NextCheckAtUtc",
                table: "Locations",
                column: "NextCheckAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_LocationChecks_CaseId",
                table: "LocationChecks",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_LocationChecks_LocationId_CheckedAtUtc",
                table: "LocationChecks",
                columns: new[] { "LocationId", "CheckedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LocationChecks");

            migrationBuilder.DropIndex(
                name: "IX_Locations_NextCheckAtUtc",
                table: "Locations");

            migrationBuilder.DropColumn(
                name: "CaseId",
                table: "StaffAlerts");

            migrationBuilder.DropColumn(
                name: "OnlineAfterDeadlineFirstAtUtc",
                table: "RequestItems");

            migrationBuilder.DropColumn(
                name: "OnlineAfterDeadlineLastAtUtc",
                table: "RequestItems");

            migrationBuilder.DropColumn(
                name: "ReappearedAtUtc",
                table: "RequestItems");

            migrationBuilder.DropColumn(
                name: "ConsecutiveGoneAnswers",
                table: "Locations");

            migrationBuilder.DropColumn(
                name: "LastCheckAnswer",
                table: "Locations");

            migrationBuilder.DropColumn(
                name: "LastCheckStatusCode",
                table: "Locations");

            migrationBuilder.DropColumn(
                name: "LastCheckedAtUtc",
                table: "Locations");

            migrationBuilder.DropColumn(
                name: "NextCheckAtUtc",
                table: "Locations");

            migrationBuilder.DropColumn(
                name: "ReappearedAtUtc",
                table: "Locations");

            migrationBuilder.DropColumn(
                name: "LocationChecksOn",
                table: "Cases");

            migrationBuilder.AlterColumn<Guid>(
                name: "RequestId",
                table: "StaffAlerts",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uniqueidentifier",
                oldNullable: true);
        }
    }
}
