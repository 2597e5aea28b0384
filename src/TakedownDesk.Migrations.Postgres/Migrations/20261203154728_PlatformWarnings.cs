using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TakedownDesk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PlatformWarnings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing entries get an empty JSON list, which the column's converter reads as "no warnings".
            migrationBuilder.AddColumn<string>(
                name: "Warnings",
                table: "Platforms",
                type: "text",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Warnings",
                table: "Platforms");
        }
    }
}
