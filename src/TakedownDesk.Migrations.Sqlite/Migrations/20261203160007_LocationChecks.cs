using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TakedownDesk.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "CaseId",
                table: "StaffAlerts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OnlineAfterDeadlineFirstAtUtc",
                table: "RequestItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OnlineAfterDeadlineLastAtUtc",
                table: "RequestItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReappearedAtUtc",
                table: "RequestItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConsecutiveGoneAnswers",
                table: "Locations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LastCheckAnswer",
                table: "Locations",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LastCheckStatusCode",
                table: "Locations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastCheckedAtUtc",
                table: "Locations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextCheckAtUtc",
                table: "Locations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReappearedAtUtc",
                table: "Locations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LocationChecksOn",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            // Locations recorded before checks existed are due at once (checks are on for every existing case).
            migrationBuilder.Sql("""UPDATE "Locations" SET "NextCheckAtUtc" = "AddedAtUtc" """);

            migrationBuilder.CreateTable(
                name: "LocationChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LocationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VictimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    CheckedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinalUrl = table.Column<byte[]>(type: "BLOB", nullable: true)
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
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
