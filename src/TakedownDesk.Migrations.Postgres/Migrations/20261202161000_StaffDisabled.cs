using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TakedownDesk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class StaffDisabled : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DisabledAtUtc",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DisabledAtUtc",
                table: "AspNetUsers");
        }
    }
}
