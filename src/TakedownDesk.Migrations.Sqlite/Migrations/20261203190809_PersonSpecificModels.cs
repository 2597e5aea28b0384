using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TakedownDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PersonSpecificModels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Model",
                table: "Incidents",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ModelDepictionId",
                table: "Incidents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ModelPageLocationId",
                table: "Incidents",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Model",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "ModelDepictionId",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "ModelPageLocationId",
                table: "Incidents");
        }
    }
}
