package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.ssis.report.ImportEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Web Service task stays a placeholder (Sluice does not build WSDL method calls), whose to-do
 * points at the Http task that replaces it by hand and at the http connection its HTTP connection
 * manager became.
 */
class WebServiceImportTest {

  @TempDir Path dir;

  @Test
  void aWebServiceTaskIsAPlaceholderPointingAtTheHttpTask() throws Exception {
    Path dtsx = dir.resolve("WebService.dtsx");
    Files.writeString(
        dtsx,
        """
        <?xml version="1.0"?>
        <DTS:Executable xmlns:DTS="www.microsoft.com/SqlServer/Dts"
          DTS:refId="Package" DTS:CreationName="Microsoft.Package"
          DTS:ExecutableType="Microsoft.Package" DTS:ObjectName="WebService">
          <DTS:Property DTS:Name="PackageFormatVersion">8</DTS:Property>
          <DTS:ConnectionManagers>
            <DTS:ConnectionManager DTS:refId="Package.ConnectionManagers[Rates]"
              DTS:CreationName="HTTP" DTS:DTSID="{0A1B2C3D-0000-4000-8000-0000000000A1}"
              DTS:ObjectName="Rates">
              <DTS:ObjectData>
                <DTS:HttpConnection DTS:ServerURL="http://rates.example.com/RateService.asmx?WSDL"
                  DTS:UseProxy="False" DTS:Timeout="30" />
              </DTS:ObjectData>
            </DTS:ConnectionManager>
          </DTS:ConnectionManagers>
          <DTS:Executables>
            <DTS:Executable DTS:refId="Package\\Get rate" DTS:CreationName="Microsoft.WebServiceTask"
              DTS:ExecutableType="Microsoft.WebServiceTask" DTS:ObjectName="Get rate">
              <DTS:ObjectData>
                <WSTask:WebServiceTaskData
                  xmlns:WSTask="www.microsoft.com/sqlserver/dts/tasks/webservicetask"
                  WSTask:ConnectionName="{0A1B2C3D-0000-4000-8000-0000000000A1}"
                  WSTask:WSDLFile="C:\\ws\\rates.wsdl" WSTask:Service="RateService" />
              </DTS:ObjectData>
            </DTS:Executable>
          </DTS:Executables>
        </DTS:Executable>
        """);

    ImportResult imported = SsisImporter.importPackage(dtsx);

    assertThat(imported.report().entries())
        .filteredOn(e -> e.path().equals("\\Package\\Get rate"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(ImportEntry.Outcome.PLACEHOLDER);
              assertThat(e.note()).contains("Sluice does not call WSDL web methods");
              assertThat(e.todo())
                  .contains("replace it with an Http task that POSTs the SOAP envelope")
                  .contains("through the http connection 'Rates'");
            });
    assertThat(imported.report().entries())
        .filteredOn(e -> e.path().equals("\\Package.ConnectionManagers[Rates]"))
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo(ImportEntry.Outcome.CONVERTED));
    assertThat(imported.project().packages().get(0).connections())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.type()).isEqualTo("http");
              assertThat(c.properties())
                  .containsEntry("serverUrl", "http://rates.example.com/RateService.asmx?WSDL")
                  .doesNotContainKey("timeout");
            });
  }
}
